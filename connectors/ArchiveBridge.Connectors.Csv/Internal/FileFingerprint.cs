using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// A cheap identity of a file's first <c>length</c> bytes: SHA-256 over the length, the first 64 KiB and the last
/// 64 KiB before <c>length</c> (the whole file when it is smaller than 128 KiB). Computed on the current file with the
/// length a checkpoint recorded, it tells whether the bytes before the checkpoint are still those that were read:
/// an unchanged file and a file that only grew at its end (an appending export) both match, so the run resumes;
/// a rewritten one does not, so the run reads from the start and dedup recognises what is already archived.
/// </summary>
internal static class FileFingerprint
{
    private const int Window = 64 * 1024;

    public static async ValueTask<string> ComputeAsync(SafeFileHandle file, long length, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(Window);
        try
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, length);
            sha.AppendData(buffer, 0, sizeof(long));
            var headEnd = Math.Min(Window, length);
            await AppendAsync(sha, file, 0, headEnd, buffer, cancellationToken).ConfigureAwait(false);
            await AppendAsync(sha, file, Math.Max(headEnd, length - Window), length, buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
        // 128 bits are plenty to tell files apart; base64url keeps the checkpoint short and free of ':'.
        return Convert.ToBase64String(digest[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static async ValueTask AppendAsync(IncrementalHash sha, SafeFileHandle file, long from, long to, byte[] buffer, CancellationToken cancellationToken)
    {
        while (from < to)
        {
            var n = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, to - from)), from, cancellationToken).ConfigureAwait(false);
            if (n == 0) throw new IOException("the file became shorter while it was read");
            sha.AppendData(buffer, 0, n);
            from += n;
        }
    }
}
