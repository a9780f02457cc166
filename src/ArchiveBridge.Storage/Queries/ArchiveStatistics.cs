namespace ArchiveBridge.Storage.Queries;

/// <summary>What <c>stats</c> prints: the archive's size and how much dedup saved.</summary>
public sealed record ArchiveStatistics(long Records, long Versions, long Blobs, long BlobBytes, long Quarantined, long Runs)
{
    /// <summary>Identities stored as links to another record's content (not stored twice).</summary>
    public long Duplicates { get; init; }

    /// <summary>Attachment bytes referenced by records minus bytes actually stored.</summary>
    public long BytesSavedByDedup { get; init; }
}
