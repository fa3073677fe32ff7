using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Refit;

namespace Batch.Sdk.Benchmarks.Clients;

/// <summary>
/// Peer B's Refit content serializer on Newtonsoft.Json. Refit.Newtonsoft.Json is not on this machine's feed; this
/// stands in for it doing the same per-call work as the floor: the floor's one cached serializer, the body written to a
/// string, the response read from the stream.
/// </summary>
public sealed class NewtonsoftContentSerializer : IHttpContentSerializer
{
    private readonly JsonSerializer _serializer = FloorClient.Serializer;

    public HttpContent ToHttpContent<T>(T item)
    {
        var json = new StringWriter();
        _serializer.Serialize(json, item, typeof(T));
        return new StringContent(json.ToString(), Encoding.UTF8, "application/json");
    }

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return _serializer.Deserialize<T>(reader);
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyAttribute>(inherit: true)?.PropertyName;
}
