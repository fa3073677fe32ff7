using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Testing.Tests;

/// <summary>
/// Exact bytes to the fake over a raw socket on 127.0.0.1, for requests no HTTP client would write: broken chunked
/// encoding, bodies announced larger than they are sent, request lines that are not HTTP.
/// </summary>
public static class RawHttp
{
    /// <summary>Writes <paramref name="request"/> and reads the answer until the server closes the connection.</summary>
    public static async Task<RawResponse> SendAsync(Uri url, string request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", url.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                received.Write(buffer, 0, read);
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the whole answer arrived (the server closed with request bytes unread).
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }
}

public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    public static RawResponse Parse(string raw)
    {
        var headEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
            throw new InvalidDataException("Not an HTTP response: " + raw);
        var lines = raw.Substring(0, headEnd).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var pair = line.Split(':', 2);
            headers[pair[0].Trim()] = pair[1].Trim();
        }

        var body = raw[(headEnd + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked")
            body = Dechunk(body);
        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body, raw);
    }

    private static string Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd], 16);
            if (size == 0)
                return body.ToString();
            body.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
