namespace ArchiveBridge.Storage.Entities;

/// <summary>A stored file, named by its SHA-256 under <c>blobs/ab/cd/&lt;sha256&gt;</c>.</summary>
public sealed class BlobEntity
{
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required string CreatedAt { get; set; }
}
