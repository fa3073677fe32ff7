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
/// A raw HTTP/1.1 server on 127.0.0.1 that writes exact bytes, for what a hostile or broken server does and WireMock
/// cannot: connections reset or closed without an answer, bodies cut short, answers that never come, lying
/// <c>Content-Length</c>, endless bodies, redirects, garbage. Each connection carries one request, which is recorded
/// (line and headers) as soon as it has been read, before the scripted behaviour runs; the last behaviour repeats.
/// </summary>
internal sealed class FaultyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _heads = new();
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

    /// <summary>The whole head (request line and headers) of each request received, as sent.</summary>
    public IReadOnlyList<string> Heads => _heads.ToArray();

    /// <summary>Writes exactly <paramref name="bytes"/> and closes.</summary>
    public static Behaviour Raw(string bytes) => (_, stream, stop) => WriteAsync(stream, bytes, stop);

    /// <summary>Answers <paramref name="status"/> with a <c>Location</c> and an empty body.</summary>
    public static Behaviour Redirect(int status, Uri location) =>
        Raw($"HTTP/1.1 {status} Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    /// <summary>Answers with <paramref name="body"/> and extra headers.</summary>
    public static Behaviour AnswerWithHeaders(int status, string body, string headers) =>
        Raw($"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{headers}Connection: close\r\n\r\n{body}");

    /// <summary>Announces <paramref name="announced"/> bytes, sends <paramref name="body"/>, then holds the connection open until stopped.</summary>
    public static Behaviour LyingLength(int status, long announced, string body) => async (_, stream, stop) =>
    {
        await WriteAsync(stream, $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {announced}\r\nConnection: close\r\n\r\n{body}", stop);
        await Task.Delay(Timeout.Infinite, stop);
    };

    /// <summary>
    /// Streams <paramref name="total"/> bytes of JSON-looking data, without <c>Content-Length</c> (the end is the
    /// connection's close) or announced truthfully, until done or the client goes away.
    /// </summary>
    public static Behaviour StreamBody(int status, long total, bool announce) => async (_, stream, stop) =>
    {
        var length = announce ? $"Content-Length: {total}\r\n" : string.Empty;
        await WriteAsync(stream, $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\n{length}Connection: close\r\n\r\n", stop);
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        chunk[0] = (byte)'[';
        for (long sent = 0; sent < total; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, total - sent)), stop);
            chunk[0] = (byte)' ';
        }
    };

    /// <summary>Sends the head of an answer announcing a body, then nothing more, until stopped.</summary>
    public static Behaviour StallAfterHeaders(int status) => LyingLength(status, 100, string.Empty);

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
                var head = await ReadRequestAsync(stream, _stop.Token);
                _heads.Enqueue(head);
                _requests.Enqueue(string.Join(" ", head.Split("\r\n")[0].Split(' ').Take(2)));
                var index = Interlocked.Increment(ref _served) - 1;
                await _script[Math.Min(index, _script.Length - 1)](client, stream, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || client.Client is not { Connected: true })
            {
                // Disposed, or the client went away.
            }
        }
    }

    /// <summary>Reads the head and the Content-Length body of one request; returns its head.</summary>
    private static async Task<string> ReadRequestAsync(Stream stream, CancellationToken stop)
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

        return string.Join("\r\n", head);
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
