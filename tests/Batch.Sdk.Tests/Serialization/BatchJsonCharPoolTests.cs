using Batch.Sdk.Serialization;

namespace Batch.Sdk.Tests.Serialization;

/// <summary>The JSON reader and writer buffers follow the response buffers' rule: none over 1 MiB is kept in the shared pool.</summary>
public sealed class BatchJsonCharPoolTests
{
    [Fact]
    public void A_small_buffer_goes_back_to_the_shared_pool_and_is_handed_out_again()
    {
        var first = BatchJsonCharPool.Instance.Rent(1024);
        BatchJsonCharPool.Instance.Return(first);

        var second = BatchJsonCharPool.Instance.Rent(1024);
        BatchJsonCharPool.Instance.Return(second);

        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void A_buffer_over_1_MiB_is_allocated_and_dropped_never_pooled()
    {
        var first = BatchJsonCharPool.Instance.Rent(BatchJsonCharPool.PooledLength + 1);
        first.Length.ShouldBe(BatchJsonCharPool.PooledLength + 1);
        BatchJsonCharPool.Instance.Return(first);

        var second = BatchJsonCharPool.Instance.Rent(BatchJsonCharPool.PooledLength + 1);

        second.ShouldNotBeSameAs(first);
        (first.Length * sizeof(char)).ShouldBeGreaterThan(1024 * 1024);
    }
}
