namespace ArchiveBridge.Storage.Entities;

/// <summary>
/// One row per identity (connector, source key): the current version of an archived record, or a link to
/// the record it duplicates. Identity, current version and last outcome share this row so the hot ingest
/// path writes about one row per record.
/// </summary>
public sealed class RecordEntity
{
    public required string Id { get; set; }
    public required string ConnectorId { get; set; }
    public required string SourceKey { get; set; }
    public string? ArchivalCode { get; set; }
    public string? PartitionKey { get; set; }
    public int? ItemNo { get; set; }
    public string? Fonds { get; set; }
    public string? Category { get; set; }
    public int? Year { get; set; }
    public string? Retention { get; set; }
    public string? Org { get; set; }
    public string? Title { get; set; }
    public string? DocNumber { get; set; }
    public string? Date { get; set; }
    public int Version { get; set; }
    public required string Fingerprint { get; set; }
    public string? ChangeToken { get; set; }

    /// <summary>
    /// The first 8 bytes of <see cref="Fingerprint"/> (and of the change token's hash) as integers: the indexes
    /// the hot path probes are on these, 8 bytes a key instead of 64 hex characters; matches are confirmed
    /// against the full value.
    /// </summary>
    public long FingerprintKey { get; set; }

    public long? ChangeTokenKey { get; set; }

    /// <summary>The canonical record as JSON (without the columns above that identify it).</summary>
    public required string Metadata { get; set; }

    /// <summary>
    /// The 四性 ingest check results of the current version as JSON: <c>{"passed":[ids],"failed":[results]}</c>
    /// (failures in full, passes by id: a record's evidence without a row per check).
    /// </summary>
    public string? Checks { get; set; }

    /// <summary>Set when this identity's content equals an already archived record's: a link, not a copy.</summary>
    public string? DuplicateOf { get; set; }

    public required string FirstRunId { get; set; }

    /// <summary>The run that last set this row's content (and change token).</summary>
    public required string ContentRunId { get; set; }

    /// <summary>The run that last read this identity.</summary>
    public required string LastRunId { get; set; }
    public required string LastOutcome { get; set; }
    public required string CreatedAt { get; set; }
    public required string UpdatedAt { get; set; }
}
