using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the test server, for a slow or broken connection: every chunk read on one side
/// is written to the other <see cref="Delay"/> later (both ways, order kept). <see cref="Cut"/> resets every open
/// connection and refuses new ones until <see cref="Restore"/>, as a phone losing its signal.
/// </summary>
public sealed class SlowProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Task _accepting;
    private volatile bool _cut;
    private long _delayTicks;

    private SlowProxy(Uri target, TimeSpan delay)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _delayTicks = delay.Ticks;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser goes instead of the server, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How long each chunk is held; may be changed while running (e.g. to hold every answer "forever").</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>Connections refused or reset while cut (so a test can tell the cut was felt).</summary>
    public int Refused { get; private set; }

    public static SlowProxy Start(Uri target, TimeSpan delay) => new(target, delay);

    /// <summary>Resets every connection now and every new one until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var link in _links.Keys)
        {
            link.Reset();
        }
    }

    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links.Keys)
        {
            link.Reset();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Refused++;
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = RunAsync(client);
        }
    }

    private async Task RunAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var link = new Link(client, server);
        _links[link] = 0;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            await Task.WhenAll(PumpAsync(client, server, link), PumpAsync(server, client, link));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            link.Reset();
        }
        finally
        {
            _links.TryRemove(link, out _);
            link.Dispose();
        }
    }

    /// <summary>Reads from <paramref name="from"/> and writes each chunk to <paramref name="to"/> once its delay is over.</summary>
    private async Task PumpAsync(Socket from, Socket to, Link link)
    {
        var chunks = Channel.CreateUnbounded<(byte[] Data, long Due)>();
        var writing = WriteAsync(chunks.Reader, to, link);
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                var due = Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * Stopwatch.Frequency);
                await chunks.Writer.WriteAsync((buffer[..read], due), _stop.Token);
                if (read == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await writing;
    }

    private async Task WriteAsync(ChannelReader<(byte[] Data, long Due)> chunks, Socket to, Link link)
    {
        await foreach (var (data, due) in chunks.ReadAllAsync(_stop.Token))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }

            if (link.IsReset)
            {
                return;
            }

            if (data.Length == 0)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            await to.SendAsync(data, SocketFlags.None, _stop.Token);
        }
    }

    private sealed class Link(Socket client, Socket server) : IDisposable
    {
        private int _reset;

        public bool IsReset => Volatile.Read(ref _reset) == 1;

        /// <summary>Closes both sides at once with a reset, as a dropped connection looks to the browser.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            foreach (var socket in new[] { client, server })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Already closed.
                }
            }
        }

        public void Dispose()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
