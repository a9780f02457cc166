namespace ArchiveBridge.Host.Verification;

/// <summary>What <see cref="FixityVerifier"/> verifies.</summary>
public sealed record FixityRequest
{
    /// <summary>Only this connector's records; null for all.</summary>
    public string? ConnectorId { get; init; }

    /// <summary>Records read per page: memory stays bounded by one page whatever the archive's size.</summary>
    public int PageSize { get; init; } = 200;
}
