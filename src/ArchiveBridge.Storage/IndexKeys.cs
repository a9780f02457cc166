using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveBridge.Storage;

/// <summary>Integer index keys for long hex values (see <see cref="Entities.RecordEntity.FingerprintKey"/>).</summary>
internal static class IndexKeys
{
    /// <summary>The first 8 bytes of a hex digest.</summary>
    public static long FromHexDigest(string hex)
    {
        Span<byte> bytes = stackalloc byte[8];
        return hex.Length >= 16 && Convert.FromHexString(hex.AsSpan(0, 16), bytes, out _, out _) == System.Buffers.OperationStatus.Done
            ? BinaryPrimitives.ReadInt64BigEndian(bytes)
            : FromText(hex);
    }

    /// <summary>Any token (etag, timestamp, row hash): the first 8 bytes of its SHA-256.</summary>
    public static long FromText(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
