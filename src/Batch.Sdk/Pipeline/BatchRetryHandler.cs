using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Retries the requests Batch refused or could not answer, following <see cref="BatchRetryOptions"/>, and never sends
/// twice a request that is not safe to repeat once it may have reached Batch.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="BatchClient"/> adds this handler to the pipeline it builds. With your own HttpClient (for example from
/// IHttpClientFactory) add it with <c>AddHttpMessageHandler</c>, or leave it out and use your own resilience pipeline.
/// </para>
/// <para>
/// TOO_MANY_REQUESTS (429) waits at least <see cref="BatchRetryOptions.RateLimitDelay"/>, or longer when
/// <c>Retry-After</c> asks; MAINTENANCE_ERROR (503) and connections that could not be opened back off exponentially.
/// 500, 502, 504, timeouts and connections lost after sending are retried only for operations that are safe to repeat
/// (<see cref="BatchOperation.IsIdempotent"/>; without a <see cref="BatchOperation"/>, GET and HEAD). For other
/// operations a lost connection or a timeout throws <see cref="BatchOutcomeUnknownException"/>, and a 500, 502 or 504
/// is returned unchanged (the SDK's clients turn it into <see cref="BatchOutcomeUnknownException"/> as well).
/// </para>
/// <para>
/// When no retry is left, or the next wait would end past <see cref="BatchRetryOptions.TotalTimeout"/>, the last
/// response is returned (and becomes a <see cref="BatchApiException"/>), or the last failure is thrown: a
/// <see cref="TimeoutException"/> when attempts timed out, the transport's exception otherwise.
/// </para>
/// <para>
/// Request content is buffered so that a retry sends the same bytes, and responses are read whole within the attempt's
/// time limit, into pooled buffers given back when the response is disposed. The caller's cancellation token stops any
/// attempt or wait at once and is never retried. Each retry
/// writes one <see cref="LogLevel.Warning"/> event, <c>BatchRetry</c> (id 1001), with the operation, the path (app
/// key masked), the attempt, the status and the delay.
/// </para>
/// </remarks>
public sealed class BatchRetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _rateLimitDelay;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxJitter;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random = new();

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> unless a handler factory does it.</summary>
    /// <param name="options">The policy, copied now: later changes do not affect this handler.</param>
    /// <param name="timeProvider">The clock for waits and timeouts; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Receives one event per retry; nothing is logged by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example, a rate-limit delay under 5 seconds).</exception>
    public BatchRetryHandler(BatchRetryOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        if (options is null)
            throw new ArgumentNullException(nameof(options));
        var problems = options.Validate().ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));

        _maxRetries = options.MaxRetries;
        _rateLimitDelay = options.RateLimitDelay;
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        _maxJitter = options.MaxJitter;
        _attemptTimeout = options.AttemptTimeout;
        _totalTimeout = options.TotalTimeout;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
            throw new ArgumentNullException(nameof(request));
        var summary = BatchRequestSummary.Of(request);
        var operation = summary.Operation;
        // Byte-array bodies (NSwag sends StringContent) already replay identical bytes; others are buffered once.
        if (request.Content is not null and not ByteArrayContent)
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);

        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is not null)
                operation.Attempts = attempt;

            var outcome = await SendOnceAsync(request, _totalTimeout - _time.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
            var delay = RetryDelay(outcome, summary, attempt);
            if (outcome.Response is { StatusCode: (System.Net.HttpStatusCode)429 }) BatchThrottleScope.OnThrottled(delay ?? _rateLimitDelay);
            if (delay is not TimeSpan wait || _time.GetElapsedTime(started) + wait >= _totalTimeout)
                return outcome.Finish(summary, attempt);

            BatchRetryLog.Retrying(_logger, summary, attempt, outcome.Status, wait);
            try
            {
                await BatchClock.Delay(_time, wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                outcome.Response?.Dispose();
                throw;
            }

            // A timer that fired late may leave no time for another attempt: the last outcome stands.
            if (_time.GetElapsedTime(started) >= _totalTimeout)
                return outcome.Finish(summary, attempt);
            outcome.Response?.Dispose();
        }
    }

    private async Task<Attempt> SendOnceAsync(HttpRequestMessage request, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var limit = timeLimit < _attemptTimeout ? timeLimit : _attemptTimeout;
        using var timeout = BatchClock.CancelAfter(_time, limit);
        // A caller's token that can never be cancelled needs no linked source (one allocation less per attempt).
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
        var attempt = linked?.Token ?? timeout.Token;
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt).ConfigureAwait(false);
            // The body is read whole here, inside the attempt, so that a body cut short or too slow can be retried or
            // reported as an unknown outcome, rather than failing later in the caller's deserializer.
            if (response.Content is not null)
            {
#if NET5_0_OR_GREATER
                response.Content = await BatchBufferedContent.ReadWholeAsync(response.Content, attempt).ConfigureAwait(false);
#else
                // Older frameworks may ignore the token in a stalled read: disposing the response is what aborts it there.
                using (attempt.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
                    response.Content = await BatchBufferedContent.ReadWholeAsync(response.Content, attempt).ConfigureAwait(false);
#endif
                attempt.ThrowIfCancellationRequested();
            }

            return new Attempt(response, null, failedBeforeSending: false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            if (exception is OperationCanceledException)
                throw;
            throw new OperationCanceledException("The call was cancelled.", exception, cancellationToken);
        }
        catch (Exception exception) when (timeout.IsCancellationRequested)
        {
            response?.Dispose();
            return new Attempt(null, new TimeoutException($"No complete response came back within {limit}.", exception), failedBeforeSending: false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response?.Dispose();
            return new Attempt(null, exception, FailedBeforeSending(exception));
        }
    }

    /// <summary>The wait before the next attempt, or null when the outcome is final.</summary>
    private TimeSpan? RetryDelay(Attempt outcome, BatchRequestSummary request, int attempt)
    {
        if (attempt > _maxRetries)
            return null;
        if (outcome.Response is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
                return HonourRetryAfter(response, _rateLimitDelay);
            if (status == 503 || (request.IsIdempotent && BatchStatusRules.MayHaveBeenCarriedOut(status)))
                return HonourRetryAfter(response, Backoff(attempt));
            return null;
        }

        return outcome.FailedBeforeSending || request.IsIdempotent ? Backoff(attempt) + Jitter() : null;
    }

    /// <summary>Waits at least as long as <c>Retry-After</c> asks, or gives up when it asks for more than <see cref="BatchRetryOptions.MaxDelay"/>.</summary>
    private TimeSpan? HonourRetryAfter(HttpResponseMessage response, TimeSpan policyDelay)
    {
        var header = response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null;
        var asked = BatchRetryAfter.Parse(header, _time.GetUtcNow());
        if (asked > _maxDelay)
            return null;
        return (asked > policyDelay ? asked.Value : policyDelay) + Jitter();
    }

    private TimeSpan Backoff(int attempt)
    {
        var doubled = _baseDelay.Ticks * Math.Pow(2, attempt - 1);
        return doubled >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)doubled);
    }

    private TimeSpan Jitter()
    {
        double fraction;
        lock (_random)
            fraction = _random.NextDouble();
        return TimeSpan.FromTicks((long)(_maxJitter.Ticks * fraction));
    }

    /// <summary>Whether the connection failed before the request could be written, so Batch cannot have received it.</summary>
    private static bool FailedBeforeSending(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError })
            return true;
#endif
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        }

        return false;
    }

    /// <summary>What one attempt produced: a response, or a failure and whether it happened before sending.</summary>
    private readonly struct Attempt
    {
        public Attempt(HttpResponseMessage? response, Exception? failure, bool failedBeforeSending)
        {
            Response = response;
            Failure = failure;
            FailedBeforeSending = failedBeforeSending;
        }

        public HttpResponseMessage? Response { get; }

        public Exception? Failure { get; }

        public bool FailedBeforeSending { get; }

        /// <summary>The status for the retry log: the HTTP status, or what went wrong.</summary>
        public string Status => Response is not null
            ? ((int)Response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Failure switch
            {
                TimeoutException => "timeout",
                _ when FailedBeforeSending => "connection failure",
                _ => "connection lost",
            };

        /// <summary>Returns the response, or throws the failure: as an unknown outcome when the request may have been carried out.</summary>
        public HttpResponseMessage Finish(BatchRequestSummary request, int attempts)
        {
            if (Response is not null)
                return Response;
            if (!FailedBeforeSending && !request.IsIdempotent)
                throw new BatchOutcomeUnknownException(request.OperationId, request.Method, request.Path, attempts, Failure!);
            ExceptionDispatchInfo.Capture(Failure!).Throw();
            throw Failure!;
        }
    }
}
