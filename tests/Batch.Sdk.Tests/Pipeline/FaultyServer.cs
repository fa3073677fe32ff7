using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Tests.Pipeline;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 for the faults WireMock cannot make: connections reset or closed without an
/// answer, bodies cut short, answers that never come. Each connection carries one request, which is recorded as soon
/// as it has been read, before the scripted behaviour runs; the last behaviour of the script repeats.
/// </summary>
internal sealed class FaultyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Behaviour[] _script;
    private int _served;

    public FaultyServer(params Behaviour[] script)
    {
        _script = script;
        _listener.Start();
        _ = AcceptAsync();
    }

    public delegate Task Behaviour(TcpClient client, Stream stream, CancellationToken stop);

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request lines received so far, such as <c>POST /1.1/KEY/campaigns/create</c>.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public static Behaviour Answer(int status, string body) => (_, stream, stop) => WriteAsync(stream, Head(status, body.Length) + body, stop);

    /// <summary>Aborts the connection with a TCP reset once the request has been read.</summary>
    public static Behaviour Reset() => (client, _, _) =>
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
        return Task.CompletedTask;
    };

    /// <summary>Closes the connection cleanly without a single byte of answer.</summary>
    public static Behaviour CloseWithoutAnswer() => (client, _, _) =>
    {
        client.Client.Shutdown(SocketShutdown.Both);
        return Task.CompletedTask;
    };

    /// <summary>Announces the whole body but sends only half of it, then closes.</summary>
    public static Behaviour TruncatedBody(int status, string body) =>
        (_, stream, stop) => WriteAsync(stream, Head(status, body.Length) + body.Substring(0, body.Length / 2), stop);

    /// <summary>Reads the request and never answers.</summary>
    public static Behaviour NoAnswer() => (_, _, stop) => Task.Delay(Timeout.Infinite, stop);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
                _ = ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                _requests.Enqueue(await ReadRequestLineAsync(stream, _stop.Token));
                var index = Interlocked.Increment(ref _served) - 1;
                await _script[Math.Min(index, _script.Length - 1)](client, stream, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || client.Client is not { Connected: true })
            {
                // Disposed, or the client went away.
            }
        }
    }

    /// <summary>Reads the head and the Content-Length body of one request; returns its method and path.</summary>
    private static async Task<string> ReadRequestLineAsync(Stream stream, CancellationToken stop)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
            received.AddRange(buffer.Take(await ReadSomeAsync(stream, buffer, stop)));

        var head = Encoding.ASCII.GetString(received.Take(headEnd).ToArray()).Split("\r\n");
        var length = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(pair => int.Parse(pair[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headEnd + 4 + length)
            received.AddRange(buffer.Take(await ReadSomeAsync(stream, buffer, stop)));

        var requestLine = head[0].Split(' ');
        return requestLine[0] + " " + requestLine[1];
    }

    private static async Task<int> ReadSomeAsync(Stream stream, byte[] buffer, CancellationToken stop)
    {
        var read = await stream.ReadAsync(buffer, stop);
        return read > 0 ? read : throw new EndOfStreamException("The client closed the connection mid-request.");
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                return i;
        }

        return -1;
    }

    private static string Head(int status, int contentLength) =>
        $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n";

    private static async Task WriteAsync(Stream stream, string text, CancellationToken stop)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), stop);
        await stream.FlushAsync(stop);
    }
}
