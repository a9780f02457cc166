using System.Security.Cryptography;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Storage.Blobs;

/// <summary>
/// Blobs on disk under <c>root/ab/cd/&lt;sha256&gt;</c>. Content is streamed to a temp file while hashed,
/// fsynced, then renamed to its digest name, so a blob is either complete or absent — never half-written —
/// before any row points at it. The same content is stored once.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;

    public FileBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public string Root => _root;

    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        long size = 0;
        string sha;
        var existing = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        size += read;
                        if (size > maxBytes)
                            throw new AttachmentException(ReasonCodes.AttachmentTooLarge, $"attachment exceeds the limit of {maxBytes} bytes");
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (File.Exists(PathOf(sha)))
                {
                    // Content the store already holds (the same file attached again): nothing to make durable.
                    existing = true;
                }
                else file.Flush(flushToDisk: true);
            }
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }

        var finalPath = PathOf(sha);
        if (existing)
        {
            TryDelete(tempPath);
            return new StoredBlob(sha, size, Added: false);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        try
        {
            File.Move(tempPath, finalPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            // Another writer stored the same content first: same bytes, same name.
            TryDelete(tempPath);
            return new StoredBlob(sha, size, Added: false);
        }
        return new StoredBlob(sha, size, Added: true);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);

    public string PathOf(string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            throw new ArgumentException($"'{sha256}' is not a SHA-256 hex digest", nameof(sha256));
        var s = sha256.ToLowerInvariant();
        return Path.Combine(_root, s[..2], s[2..4], s);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
    }
}
