using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Storage.Queries;

/// <summary>One record as <c>show</c> prints it: the canonical metadata, its attachments, history and links.</summary>
public sealed record RecordDetails
{
    public required string Id { get; init; }
    public string? ArchivalCode { get; init; }
    public required string Connector { get; init; }
    public required string SourceKey { get; init; }
    public int Version { get; init; }
    public required string Fingerprint { get; init; }
    public string? DuplicateOf { get; init; }
    public required string FirstRunId { get; init; }
    public required string LastRunId { get; init; }
    public required string LastOutcome { get; init; }
    public required string CreatedAt { get; init; }
    public required string UpdatedAt { get; init; }
    public required ArchiveRecord Record { get; init; }
    public IReadOnlyList<RecordVersionSummary> Versions { get; init; } = [];
    public IReadOnlyList<DuplicateLink> Duplicates { get; init; } = [];
}

/// <summary>One version in a record's history (the current one included).</summary>
public sealed record RecordVersionSummary(int Version, string Fingerprint, string RunId, string ArchivedAt, IReadOnlyList<string> ChangedFields, bool Current);

/// <summary>Another identity whose content equals this record's: linked, not stored twice.</summary>
public sealed record DuplicateLink(string Id, string Connector, string SourceKey, string FirstRunId, string CreatedAt);
