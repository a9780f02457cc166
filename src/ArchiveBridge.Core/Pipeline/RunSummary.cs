namespace ArchiveBridge.Core.Pipeline;

/// <summary>The result of one run as <c>sync --json</c> prints it.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }
    public required string Connector { get; init; }
    public required string Status { get; init; }
    public required RunCounts Counts { get; init; }
    public long DurationMs { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
