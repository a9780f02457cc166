using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Talks to clamd over its Unix socket or TCP with the INSTREAM protocol: <c>zINSTREAM\0</c>, then chunks
/// each prefixed with a 4-byte big-endian length, then a zero length; clamd answers <c>stream: OK</c>,
/// <c>stream: NAME FOUND</c> or <c>… ERROR</c>. One connection per call, so it is safe to share.
/// Scanner failures (not running, timeout, size limit) come back as <see cref="VirusScanStatus.Error"/>.
/// </summary>
public sealed class ClamAvClient : IVirusScanner
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxReplyBytes = 4096;

    private readonly ClamAvOptions _options;

    public ClamAvClient(ClamAvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Where clamd is expected, for messages: <c>unix:/path</c> or <c>host:port</c>.</summary>
    public string Endpoint => IsUnix ? $"unix:{_options.Socket}" : $"{_options.Host}:{_options.Port}";

    private bool IsUnix => !string.IsNullOrWhiteSpace(_options.Socket);

    /// <summary>True when clamd answers PING with PONG within the timeout.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        var (reply, _) = await ExchangeAsync("zPING\0"u8.ToArray(), null, cancellationToken).ConfigureAwait(false);
        return reply == "PONG";
    }

    /// <inheritdoc />
    public async Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
            throw new ArgumentException("the stream to scan cannot be read", nameof(content));

        var (reply, error) = await ExchangeAsync("zINSTREAM\0"u8.ToArray(), content, cancellationToken).ConfigureAwait(false);
        if (reply is null)
            return VirusScanResult.Error(error ?? $"clamd at {Endpoint} gave no answer");
        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
            return VirusScanResult.Infected(reply[..^" FOUND".Length].Replace("stream:", "", StringComparison.Ordinal).Trim());
        if (reply == "stream: OK")
            return VirusScanResult.Clean;
        return VirusScanResult.Error(reply.EndsWith("ERROR", StringComparison.Ordinal)
            ? $"clamd at {Endpoint}: {reply}"
            : $"clamd at {Endpoint} gave an unexpected answer: '{reply}'");
    }

    /// <summary>Scans the file at <paramref name="path"/> by streaming it (clamd need not see the file system).</summary>
    public async Task<VirusScanResult> ScanFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return VirusScanResult.Error($"cannot read '{path}' to scan it: {ex.Message}");
        }
        await using (file.ConfigureAwait(false))
            return await ScanAsync(file, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string? Reply, string? Error)> ExchangeAsync(byte[] command, Stream? content, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var socket = IsUnix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IsUnix)
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_options.Socket!), timeout.Token).ConfigureAwait(false);
            else
                await socket.ConnectAsync(_options.Host, _options.Port, timeout.Token).ConfigureAwait(false);

            var stream = new NetworkStream(socket, ownsSocket: false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(command, timeout.Token).ConfigureAwait(false);
                if (content is not null)
                    await SendChunksAsync(stream, content, timeout.Token).ConfigureAwait(false);
                var reply = await ReadReplyAsync(stream, timeout.Token).ConfigureAwait(false);
                return reply.Length > 0 ? (reply, null) : (null, $"clamd at {Endpoint} closed the connection without an answer");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"clamd at {Endpoint} did not answer within {_options.Timeout}");
        }
        catch (ContentReadException ex)
        {
            return (null, $"cannot read the content to scan: {ex.InnerException!.Message}");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return (null, $"cannot talk to clamd at {Endpoint}: {ex.Message}");
        }
    }

    private static async Task SendChunksAsync(NetworkStream stream, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[4 + ChunkSize];
        int read;
        do
        {
            try
            {
                read = await content.ReadAsync(buffer.AsMemory(4, ChunkSize), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new ContentReadException(ex);
            }
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
            try
            {
                await stream.WriteAsync(buffer.AsMemory(0, 4 + read), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // clamd hangs up mid-stream when the content passes its StreamMaxLength; its answer says so.
                return;
            }
        }
        while (read > 0);
    }

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxReplyBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            length += read;
            if (Array.IndexOf(buffer, (byte)0, length - read, read) >= 0)
                break;
        }
        return Encoding.UTF8.GetString(buffer, 0, length).TrimEnd('\0', '\n', ' ');
    }

    /// <summary>The content stream failed, not clamd: kept apart so the message blames the right side.</summary>
    private sealed class ContentReadException(IOException inner) : Exception(inner.Message, inner);
}
