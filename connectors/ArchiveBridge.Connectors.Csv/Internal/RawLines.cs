using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>Line-level work on raw bytes, valid for UTF-8 and GB18030 alike (neither uses CR or LF inside a character).</summary>
internal static class RawLines
{
    /// <summary>The bytes of the line at <paramref name="start"/> (up to <paramref name="maxBytes"/>, without its line break) and where the next line starts.</summary>
    public static async ValueTask<(byte[] Bytes, long Next)> ReadLineAsync(SafeFileHandle file, long start, long length, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var kept = new ArrayBufferWriter<byte>();
        for (var offset = start; offset < length;)
        {
            var n = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - offset)), offset, cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            var chunk = buffer.AsSpan(0, n);
            var end = chunk.IndexOfAny((byte)'\r', (byte)'\n');
            var take = end < 0 ? chunk : chunk[..end];
            kept.Write(take[..Math.Min(take.Length, Math.Max(0, maxBytes - kept.WrittenCount))]);
            if (end >= 0)
            {
                var next = offset + end + 1;
                if (chunk[end] == '\r' && next < length)
                {
                    var after = new byte[1];
                    if (await RandomAccess.ReadAsync(file, after, next, cancellationToken).ConfigureAwait(false) == 1 && after[0] == '\n') next++;
                }
                return (kept.WrittenSpan.ToArray(), next);
            }
            offset += n;
        }
        return (kept.WrittenSpan.ToArray(), length);
    }

    /// <summary>Line breaks inside a row (quoted multi-line fields): CR, LF and CR LF count once each, as CsvHelper counts them.</summary>
    public static int CountLineBreaks(ReadOnlySpan<byte> raw)
    {
        var count = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var k = raw[i..].IndexOfAny((byte)'\r', (byte)'\n');
            if (k < 0) break;
            i += k;
            count++;
            i += raw[i] == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
        }
        return count;
    }
}
