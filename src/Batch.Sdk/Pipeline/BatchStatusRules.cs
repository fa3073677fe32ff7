namespace Batch.Sdk.Pipeline;

/// <summary>What an HTTP status says about whether Batch carried a request out, which decides whether it may be sent again.</summary>
internal static class BatchStatusRules
{
    /// <summary>
    /// 500, 502 and 504: the request reached a server that failed while handling it, or a gateway that gave up waiting
    /// for Batch, so it may have been carried out. Only operations that are safe to repeat are retried.
    /// </summary>
    public static bool MayHaveBeenCarriedOut(int status) => status is 500 or 502 or 504;
}
