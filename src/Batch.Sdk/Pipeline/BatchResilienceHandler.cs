using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Security;
using Batch.Sdk.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// The outermost Batch handler: runs each call through the Polly pipeline of <see cref="BatchResilience.CreatePipeline"/>
/// (total timeout, retries with Batch's rules, attempt timeout) and, inside each attempt, reads the whole body within
/// the attempt's time limit and <see cref="BatchClientOptions.MaxResponseBytes"/>. Whatever happens, the call ends
/// within <see cref="BatchRetryOptions.TotalTimeout"/>, with retries on or off.
/// </summary>
/// <remarks>
/// After the last attempt, a failure becomes an SDK exception: <see cref="BatchOutcomeUnknownException"/> when a request
/// that is not safe to repeat may have reached Batch, <see cref="BatchTransportException"/> otherwise; the caller's
/// cancellation stays an <see cref="OperationCanceledException"/>.
/// </remarks>
internal sealed class BatchResilienceHandler : DelegatingHandler
{
    /// <summary>Error bodies are read up to this many bytes: Batch's are a few hundred, and only their excerpt is kept.</summary>
    internal const int ErrorBodyLimit = 16 * 1024;

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly int _maxResponseBytes;
    private readonly BatchRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public BatchResilienceHandler(BatchClientOptions options, TimeProvider time, ILogger logger)
    {
        _pipeline = BatchResilience.CreatePipeline(options.Retry, time, logger);
        _maxResponseBytes = options.MaxResponseBytes;
        _redactor = new BatchRedactor(options.RestApiKey, options.ProjectKey, options.AppApiKey);
        _time = time;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = BatchOperation.Ensure(request);
        // Byte-array bodies (the SDK writes its JSON bodies as ByteArrayContent) replay identical bytes; others are buffered once.
        if (request.Content is not null and not ByteArrayContent)
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);

        var started = _time.GetTimestamp();
        var telemetry = BatchInstrumentation.Start(operation, request, started);
        BatchPipelineLog.Starting(_logger, operation, request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        HttpResponseMessage? response = null;
        Exception? failure = null;
        try
        {
            context.Properties.Set(BatchResilience.RequestKey, request);
            context.Properties.Set(BatchResilience.StartedKey, started);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Handler.AttemptAsync(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            if (outcome.Exception is { } exception)
                throw failure = Final(exception, request, operation, cancellationToken);
            return response = outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            var ended = telemetry.End(operation, response, failure, _time);
            BatchPipelineLog.Ended(_logger, operation, request, ended, response, failure, _time.GetElapsedTime(started));
        }
    }

    /// <summary>One attempt: send, then read the whole body within the attempt's time limit and the size cap.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, CancellationToken attempt)
    {
        var target = request.RequestUri;
        var started = _time.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt).ConfigureAwait(false);
            BatchPipelineLog.Attempted(_logger, request, response, null, _time.GetElapsedTime(started));
            if ((int)response.StatusCode == 429)
                BatchInstrumentation.RecordRateLimited(BatchOperation.Ensure(request));
            _redactor.RedactHeaders(response, target);
            if (!BatchRedirects.IsSameTarget(request.RequestUri, target))
                return Outcome.FromException<HttpResponseMessage>(BatchRedirects.Followed(response));
            if (response.Content is not null)
            {
                var isError = (int)response.StatusCode >= 300;
                response.Content = await BatchResponseBuffer.ReadAsync(
                    response.Content, isError ? Math.Min(ErrorBodyLimit, _maxResponseBytes) : _maxResponseBytes, truncate: isError, attempt).ConfigureAwait(false);
            }

            return Outcome.FromResult(response);
        }
        catch (BatchResponseTooLargeException tooLarge) when (response is not null)
        {
            var error = Errors.BatchErrorResponse.TooLarge(response, request, _redactor, tooLarge);
            response.Dispose();
            return Outcome.FromException<HttpResponseMessage>(error);
        }
        catch (Exception failure)
        {
            BatchPipelineLog.Attempted(_logger, request, null, failure, _time.GetElapsedTime(started));
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(failure);
        }
    }

    /// <summary>The exception a failed call ends with.</summary>
    private static Exception Final(Exception failure, HttpRequestMessage request, BatchOperation operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return failure as OperationCanceledException ?? new OperationCanceledException("The call was cancelled.", failure, cancellationToken);
        if (!BatchRetryRules.IsTransient(failure))
            return failure;

        var observed = failure is TimeoutRejectedException rejected
            ? new TimeoutException($"No complete response came back within {rejected.Timeout}.", rejected)
            : failure;
        var path = BatchRedactor.MaskedPath(request.RequestUri);
        if (operation.MayHaveBeenDelivered && !operation.IsIdempotent)
            return new BatchOutcomeUnknownException(operation.Id, request.Method.Method, path, operation.Attempts, observed);
        return new BatchTransportException(operation.Id, request.Method.Method, path, operation.Attempts, observed);
    }
}
