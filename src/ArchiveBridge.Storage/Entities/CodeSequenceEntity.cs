namespace ArchiveBridge.Storage.Entities;

/// <summary>The last 件号 allocated in a partition (fonds, category, year, retention, org).</summary>
public sealed class CodeSequenceEntity
{
    public required string PartitionKey { get; set; }
    public int LastItemNo { get; set; }
}
