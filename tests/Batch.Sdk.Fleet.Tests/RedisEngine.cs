using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Garnet;
using StackExchange.Redis;

namespace Batch.Sdk.Fleet.Tests;

/// <summary>
/// A Redis-compatible server on a free loopback port, chosen by <c>BATCH_FLEET_REDIS</c>: <c>garnet</c> (default,
/// Microsoft Garnet in this process, nothing to install) or <c>redis-server</c> (Debian's, started as a process).
/// Throws when the selected engine cannot start: a fleet test that silently skipped would prove nothing.
/// </summary>
internal sealed class RedisEngine : IDisposable
{
    public const string Variable = "BATCH_FLEET_REDIS";

    private readonly GarnetServer? _garnet;
    private readonly Process? _redis;

    public RedisEngine()
    {
        Name = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name : "garnet";
        var port = FreePort();
        Endpoint = $"127.0.0.1:{port}";
        switch (Name)
        {
            case "garnet":
                // Lua scripting is off by default in Garnet; RedisRateLimiting's token bucket is a Lua script.
                _garnet = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lua", "true"]);
                _garnet.Start();
                break;
            case "redis-server":
                try
                {
                    _redis = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
                    {
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                    });
                }
                catch (System.ComponentModel.Win32Exception error)
                {
                    throw new InvalidOperationException($"{Variable}=redis-server but redis-server could not be started (apt-get install -y redis-server): {error.Message}", error);
                }

                break;
            default:
                throw new InvalidOperationException($"{Variable} must be garnet or redis-server, not '{Name}'.");
        }

        WaitUntilAnswering();
    }

    public string Name { get; }

    public string Endpoint { get; }

    public void Dispose()
    {
        _garnet?.Dispose();
        if (_redis is not null)
        {
            if (!_redis.HasExited)
                _redis.Kill();
            _redis.WaitForExit(5_000);
            _redis.Dispose();
        }
    }

    private void WaitUntilAnswering()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var connection = ConnectionMultiplexer.Connect($"{Endpoint},connectTimeout=1000,abortConnect=true");
                connection.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && _redis is not { HasExited: true })
            {
                Thread.Sleep(100);
            }
            catch (RedisConnectionException error)
            {
                throw new InvalidOperationException($"The {Name} server on {Endpoint} did not answer.", error);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
