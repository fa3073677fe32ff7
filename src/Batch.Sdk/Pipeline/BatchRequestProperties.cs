using System.Net.Http;

namespace Batch.Sdk.Pipeline;

/// <summary>
/// Values the SDK attaches to a request for later stages (its operation, a missing key):
/// <c>HttpRequestMessage.Options</c> on .NET 5 and later, <c>Properties</c> before, in one place.
/// </summary>
internal static class BatchRequestProperties
{
    public static void Set<T>(HttpRequestMessage request, string key, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    public static bool TryGet<T>(HttpRequestMessage request, string key, out T value)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out value!);
#else
        if (request.Properties.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
#endif
    }
}
