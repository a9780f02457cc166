namespace ArchiveBridge.Storage.Entities;

/// <summary>A record that could not be archived, with its raw payload and why. Never dropped; retried or dismissed.</summary>
public sealed class QuarantineEntity
{
    public required string Id { get; set; }
    public required string ConnectorId { get; set; }
    public required string RunId { get; set; }
    public required string LastRunId { get; set; }
    public string? SourceKey { get; set; }
    public string? Location { get; set; }
    public long? LineNumber { get; set; }
    public required string Reason { get; set; }
    public string? Field { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
    public string? MessageZh { get; set; }

    /// <summary>The source record as JSON (fields as the source gave them).</summary>
    public required string RawPayload { get; set; }
    public string? RawText { get; set; }

    /// <summary>Hash of the raw payload: the same bad row seen again updates its open entry instead of adding one.</summary>
    public required string RawHash { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary><c>open</c>, <c>resolved</c> (archived on retry) or <c>dismissed</c>.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public string? ResolvedRecordId { get; set; }
    public string? DismissReason { get; set; }
    public required string CreatedAt { get; set; }
    public required string UpdatedAt { get; set; }
}
