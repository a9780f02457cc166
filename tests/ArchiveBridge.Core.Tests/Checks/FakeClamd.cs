using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArchiveBridge.Core.Tests.Checks;

/// <summary>
/// A clamd stand-in on 127.0.0.1 that decodes the INSTREAM framing for the tests to inspect and answers
/// with a fixed reply, or never answers (timeouts).
/// </summary>
internal sealed class FakeClamd : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly string? _reply;

    /// <param name="reply">What to answer after the stream ends; null never answers.</param>
    public FakeClamd(string? reply)
    {
        _reply = reply;
        _listener.Start();
        _serving = ServeOneAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string? Command { get; private set; }

    public List<int> ChunkLengths { get; } = [];

    public MemoryStream Received { get; } = new();

    /// <summary>Completes when the one connection has been read (and answered, if there is a reply).</summary>
    public Task Served => _serving;

    private async Task ServeOneAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
        var stream = client.GetStream();
        var command = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) > 0)
            command.Add((byte)b);
        Command = Encoding.ASCII.GetString([.. command]);

        if (Command == "zINSTREAM")
        {
            var header = new byte[4];
            while (true)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(header);
                ChunkLengths.Add(length);
                if (length == 0)
                    break;
                var chunk = new byte[length];
                await stream.ReadExactlyAsync(chunk, _stop.Token);
                Received.Write(chunk);
            }
        }

        if (_reply is null)
        {
            // Hold the connection open without answering until the test ends (the client side times out).
            _ = await stream.ReadAsync(new byte[1], _stop.Token);
            return;
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(_reply + "\0"), _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _serving; }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (SocketException) { }
        _stop.Dispose();
    }
}
