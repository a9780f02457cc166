namespace ArchiveBridge.Core.Pipeline;

/// <summary>An open run: the row in <c>runs</c> the pipeline's batches belong to.</summary>
public sealed record RunContext(string RunId, string ConnectorId, DateTimeOffset StartedAt)
{
    /// <summary>SHA-256 of the mapping file; the change-token cheap path is trusted only while it is unchanged.</summary>
    public string? MappingHash { get; init; }
}
