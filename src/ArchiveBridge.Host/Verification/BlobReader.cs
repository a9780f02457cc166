using System.Buffers;
using System.Security.Cryptography;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Host.Verification;

/// <summary>What re-reading a stored blob found: whether it is there, what its bytes hash to, how many there are.</summary>
internal sealed record BlobReading(string Path, bool Present, string? Sha256, long Size, string? Error);

/// <summary>Re-reads a blob end to end in a pooled buffer, hashing as it goes (files of any size in constant memory).</summary>
internal static class BlobReader
{
    private const int BufferSize = 128 * 1024;

    public static async Task<BlobReading> ReadAsync(IBlobStore blobs, string sha256, CancellationToken cancellationToken)
    {
        string path;
        try { path = blobs.PathOf(sha256); }
        catch (ArgumentException ex) { return new BlobReading(sha256, false, null, 0, ex.Message); }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            int read;
            while ((read = await file.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
            return new BlobReading(path, true, Convert.ToHexStringLower(hash.GetHashAndReset()), size, null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new BlobReading(path, false, null, 0, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new BlobReading(path, true, null, 0, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
