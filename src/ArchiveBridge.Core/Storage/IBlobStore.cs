namespace ArchiveBridge.Core.Storage;

/// <summary>Content-addressed attachment storage: each distinct content is stored once, named by its SHA-256.</summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to a temp file while hashing, fsyncs, then renames it to its SHA-256
    /// name (or drops it when that content is already stored). Throws
    /// <see cref="Attachments.AttachmentException"/> (attachment_too_large) past <paramref name="maxBytes"/>.
    /// </summary>
    Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Opens a stored blob for reading (fixity checks, export).</summary>
    Stream OpenRead(string sha256);

    /// <summary>The blob's path on disk.</summary>
    string PathOf(string sha256);
}

/// <summary>A stored blob: its digest, size, and whether this call stored it (false: already there).</summary>
public sealed record StoredBlob(string Sha256, long Size, bool Added);
