using System;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests.State;

public sealed class TransactionalTests : IDisposable
{
    private readonly FakeScope _scope = new();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task A_send_is_recorded_for_its_app_and_answered_with_a_new_token()
    {
        var send = new TransactionalSendRequest
        {
            GroupId = "order_shipped",
            Recipients = new TransactionalRecipients { CustomIds = ["user-1234"] },
            Message = new TransactionalMessage { Title = "Your order has shipped", Body = "It should arrive on Tuesday." },
        };

        var first = await _scope.Batch.Transactional.SendAsync(send);
        var second = await _scope.Batch.Transactional.SendAsync(send);

        first.Token.ShouldNotBe(second.Token);
        var sends = _scope.Fake.State.TransactionalSends(_scope.Fake.IosAppApiKey);
        sends.Count.ShouldBe(2);
        sends[0]["recipients"]!["custom_ids"]![0]!.ToString().ShouldBe("user-1234");
        _scope.Fake.State.TransactionalSends(_scope.Fake.AndroidAppApiKey).ShouldBeEmpty();
    }
}
