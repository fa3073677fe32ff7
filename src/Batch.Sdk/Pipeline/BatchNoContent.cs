namespace Batch.Sdk.Pipeline;

/// <summary>
/// The result of a documented success without a body (such as a 204 where the operation also documents a 200
/// with an empty object): an empty instance, so callers never get null from a successful call.
/// </summary>
internal static class BatchNoContent
{
    public static T Result<T>()
        where T : new() => new();
}
