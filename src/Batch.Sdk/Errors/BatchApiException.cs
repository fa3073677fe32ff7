using System;
using Batch.Sdk.Errors;

namespace Batch.Sdk;

/// <summary>
/// Batch answered with an error, or with a success whose body could not be read. Extends the exception NSwag
/// generates (which carries <see cref="StatusCode"/>, the raw body in <see cref="Response"/> and the response
/// <see cref="Headers"/>) with the Batch error it describes. Keys never appear in it.
/// </summary>
public partial class BatchApiException
{
    private BatchErrorDetails? _details;

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
            var message = Summary + " " + DescribeError();
            if (ServerMessage is { } server)
                message += ": " + (server.Length <= MessageExcerptLength ? server : server.Substring(0, MessageExcerptLength) + "…");
            if (InnerException is not null)
                message += " (" + InnerException.Message + ")";
            return message;
        }
    }

    /// <summary>
    /// The text the exception was created with. The generated constructor appends the status and body to it, which
    /// <see cref="Message"/> presents differently.
    /// </summary>
    private string Summary
    {
        get
        {
            var text = base.Message;
            var cut = text.IndexOf("\n\nStatus: ", StringComparison.Ordinal);
            return cut < 0 ? text : text.Substring(0, cut);
        }
    }

    private string DescribeError()
    {
        var code = ErrorCode is int value ? $", Batch code {value}" : string.Empty;
        return ErrorName is null ? $"(HTTP {StatusCode}{code})" : $"{ErrorName} (HTTP {StatusCode}{code})";
    }
}
