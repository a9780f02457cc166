namespace ArchiveBridge.Core.Pipeline;

/// <summary>An open run: the row in <c>runs</c> the pipeline's batches belong to.</summary>
public sealed record RunContext(string RunId, string ConnectorId, DateTimeOffset StartedAt)
{
    /// <summary>SHA-256 of the mapping file; the change-token cheap path is trusted only while it is unchanged.</summary>
    public string? MappingHash { get; init; }

    /// <summary>
    /// Whether the connector held any record when the run started (under its lease, so no other run adds some).
    /// When it did not, no change token can be known yet and the cheap-path lookup is skipped.
    /// </summary>
    public bool ConnectorHadRecords { get; init; } = true;
}
