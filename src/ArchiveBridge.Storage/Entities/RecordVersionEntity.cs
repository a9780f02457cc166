namespace ArchiveBridge.Storage.Entities;

/// <summary>A superseded version of a record, kept readable when a newer version arrives.</summary>
public sealed class RecordVersionEntity
{
    public long Id { get; set; }
    public required string RecordId { get; set; }
    public int Version { get; set; }
    public required string Fingerprint { get; set; }
    public required string Metadata { get; set; }

    /// <summary>The run that archived this version.</summary>
    public required string RunId { get; set; }
    public required string ArchivedAt { get; set; }

    /// <summary>The run that replaced it and the fields that changed (JSON array of names).</summary>
    public required string SupersededByRunId { get; set; }
    public required string SupersededAt { get; set; }
    public string? ChangedFields { get; set; }

    /// <summary>The version's 四性 check results (see <see cref="RecordEntity.Checks"/>).</summary>
    public string? Checks { get; set; }
}
