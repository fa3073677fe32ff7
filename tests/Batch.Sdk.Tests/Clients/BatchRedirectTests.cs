using System;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Batch.Sdk.Tests.Clients;

/// <summary>
/// The export download answers 307 with the file's link: the SDK returns the link and never follows it, so the
/// Batch keys never reach the host it names. A redirect an operation does not document is still an error.
/// </summary>
public sealed class BatchRedirectTests : IDisposable
{
    private readonly LoopbackServer _batch = new();
    private readonly LoopbackServer _fileHost = new();

    public BatchRedirectTests() =>
        _fileHost.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));

    public void Dispose()
    {
        _batch.Dispose();
        _fileHost.Dispose();
    }

    private Uri FileLink => new(_fileHost.BaseAddress, "file_063bc4w4x8e363yem6wfnxc5c13c0n46.json?signature=3f9a");

    private void BatchAnswers(int status) =>
        _batch.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", FileLink.ToString()));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_download_returns_the_documented_307_location_without_following_it(bool withRetries)
    {
        BatchAnswers(307);
        using var batch = new BatchClient(_batch.Options(withRetries));

        var redirect = await batch.Exports.DownloadAsync("file_063bc4w4x8e363yem6wfnxc5c13c0n46");

        redirect.StatusCode.ShouldBe(307);
        redirect.Location.ShouldBe(FileLink);
        _batch.Requests.Length.ShouldBe(1);
        _fileHost.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(308)]
    public async Task A_redirect_the_operation_does_not_document_is_an_error_and_is_not_followed(int status)
    {
        BatchAnswers(status);
        using var batch = _batch.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.Exports.DownloadAsync("file_063bc4w4x8e363yem6wfnxc5c13c0n46"));

        error.StatusCode.ShouldBe(status);
        _fileHost.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_307_on_an_operation_that_documents_no_redirect_is_an_error_and_is_not_followed()
    {
        BatchAnswers(307);
        using var batch = _batch.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.Exports.GetAsync("export_0664j2n8qxw3f7t5r9y1k4m6p8s0u2v4"));

        error.StatusCode.ShouldBe(307);
        _fileHost.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_documented_307_without_a_location_is_an_error()
    {
        _batch.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(307));
        using var batch = _batch.CreateClient();

        var error = await Should.ThrowAsync<BatchApiException>(() => batch.Exports.DownloadAsync("file_063bc4w4x8e363yem6wfnxc5c13c0n46"));

        error.StatusCode.ShouldBe(307);
    }
}
