using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveBridge.Core.Storage;

/// <summary>
/// The 64-bit keys the store indexes instead of long hex values and free-form tokens: 8 bytes a key instead
/// of 64 characters, matches confirmed against the full value. Computed in the mapping stage, so the store's
/// writer (the bottleneck) does not hash.
/// </summary>
public static class IndexKeys
{
    /// <summary>
    /// A source key's 64-bit hash (FNV-1a over its UTF-16 code units). Never stored: the store's probe filters and
    /// initial-load maps, which live only as long as a run's writer, are keyed by it.
    /// </summary>
    public static long FromSourceKey(string sourceKey)
    {
        ArgumentNullException.ThrowIfNull(sourceKey);
        var h = 0xCBF29CE484222325UL;
        foreach (var c in sourceKey) h = (h ^ c) * 0x100000001B3UL;
        return (long)h;
    }

    /// <summary>The first 8 bytes of a hex digest.</summary>
    public static long FromHexDigest(string hex) => FromText(hex);

    /// <summary>
    /// Any token (etag, timestamp, row hash). A token that starts with 16 hex digits is usually a digest already
    /// (the CSV connector's row hash): its first 8 bytes serve as they are. Anything else: the first 8 bytes of
    /// its SHA-256.
    /// </summary>
    public static long FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> bytes = stackalloc byte[8];
        if (text.Length >= 16 && Convert.FromHexString(text.AsSpan(0, 16), bytes, out _, out _) == System.Buffers.OperationStatus.Done)
            return BinaryPrimitives.ReadInt64BigEndian(bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
