namespace ArchiveBridge.Storage.Entities;

/// <summary>One run of one connector, with counts that reconcile.</summary>
public sealed class RunEntity
{
    public required string Id { get; set; }
    public required string ConnectorId { get; set; }
    public required string Trigger { get; set; }
    public required string Status { get; set; }
    public required string StartedAt { get; set; }
    public string? FinishedAt { get; set; }
    public long Read { get; set; }
    public long Created { get; set; }
    public long Versioned { get; set; }
    public long Unchanged { get; set; }
    public long Duplicates { get; set; }
    public long Quarantined { get; set; }
    public long Failed { get; set; }
    public string? Error { get; set; }
    public string? MappingHash { get; set; }
    public string? CheckpointAtStart { get; set; }
    public string? CheckpointAtEnd { get; set; }
}
