using System;
using System.Collections.Generic;
using Batch.Sdk.Errors;

namespace Batch.Sdk;

/// <summary>
/// Batch answered with an error, or with a success whose body could not be read: the HTTP status, the body, the
/// response headers and the Batch error they describe. Keys never appear in it. Every generated operation throws it
/// from one place (<c>BatchErrorResponse</c>), whatever the status.
/// </summary>
public class BatchApiException : Exception
{
    private BatchErrorDetails? _details;

    /// <summary>Creates the exception for an answer of Batch.</summary>
    /// <param name="message">What happened, such as <c>POST /1.1/a1b2****/campaigns/create failed with HTTP 400.</c></param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="response">The answer's body, if it was read.</param>
    /// <param name="headers">The answer's headers.</param>
    /// <param name="innerException">What made the answer unreadable, if anything.</param>
    public BatchApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The answer's body as text (error bodies are cut at 16 KiB), or null when it was not read.</summary>
    public string? Response { get; }

    /// <summary>The answer's headers, with any key in them masked.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    private BatchErrorDetails Details => _details ??= BatchErrorDetails.From(StatusCode, Response, Headers);

    /// <summary>The Batch error, from the body's name or code, else from the HTTP status when it names one error.</summary>
    public BatchError Error => Details.Error;

    /// <summary>The error name as Batch spells it (such as <c>MALFORMED_PARAMETER</c>), kept even when this SDK does not know it.</summary>
    public string? ErrorName => Details.Name;

    /// <summary>The numeric Batch error code (such as 31), from the body, else the documented code of <see cref="Error"/> when it has only one.</summary>
    public int? ErrorCode => Details.Code;

    /// <summary>The message Batch sent, if any.</summary>
    public string? ServerMessage => Details.Message;

    /// <summary>The wait the <c>Retry-After</c> header asks for, when present.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>Whether Batch refused the call for too many requests (429): wait at least 5 seconds before trying again.</summary>
    public bool IsRateLimited => StatusCode == 429;

    /// <summary>Whether a key was missing or invalid (401).</summary>
    public bool IsAuthenticationError => StatusCode == 401;

    /// <summary>Whether the route, or the campaign it names, does not exist (404).</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>Whether Batch is down for maintenance (503).</summary>
    public bool IsMaintenance => StatusCode == 503;

    /// <summary>The longest excerpt of Batch's message that <see cref="Message"/> carries; <see cref="ServerMessage"/> has it whole.</summary>
    internal const int MessageExcerptLength = 500;

    /// <summary>What happened, the Batch error, and an excerpt of Batch's message (at most 500 characters).</summary>
    public override string Message
    {
        get
        {
            var message = base.Message + " " + DescribeError();
            if (ServerMessage is { } server)
                message += ": " + (server.Length <= MessageExcerptLength ? server : server.Substring(0, MessageExcerptLength) + "…");
            if (InnerException is not null)
                message += " (" + InnerException.Message + ")";
            return message;
        }
    }

    private string DescribeError()
    {
        var code = ErrorCode is int value ? $", Batch code {value}" : string.Empty;
        return ErrorName is null ? $"(HTTP {StatusCode}{code})" : $"{ErrorName} (HTTP {StatusCode}{code})";
    }
}
