using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Host.Cli;

/// <summary>The one-line JSON of a run, as <c>sync --json</c> and <c>report --json</c> print it.</summary>
internal sealed record SummaryJson(string RunId, string Connector, string Status, long Read, long Created, long Versioned, long Unchanged,
    long Duplicates, long Quarantined, long Failed, long DurationMs)
{
    public string? Error { get; init; }

    public static SummaryJson From(RunSummary s) => new(s.RunId, s.Connector, s.Status, s.Counts.Read, s.Counts.Created, s.Counts.Versioned,
        s.Counts.Unchanged, s.Counts.Duplicates, s.Counts.Quarantined, s.Counts.Failed, s.DurationMs) { Error = s.Error };
}
