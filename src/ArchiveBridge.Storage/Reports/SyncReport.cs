using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Storage.Audit;

namespace ArchiveBridge.Storage.Reports;

/// <summary>
/// What an auditor reads about one run or a period: counts that reconcile, a summary per connector, what was
/// quarantined and why, which 四性 checks failed or warned, and the audit chain's head at the end. Lists are
/// capped (<see cref="ReportRequest.MaxRows"/>); the totals always count everything.
/// </summary>
public sealed record SyncReport
{
    public required ReportScope Scope { get; init; }

    /// <summary>The run reported on (<see cref="ReportScope.Run"/>).</summary>
    public string? RunId { get; init; }

    /// <summary>The connector filter of a period, or the run's connector.</summary>
    public string? Connector { get; init; }

    /// <summary>Start of the period (inclusive) or of the run, store time text (UTC).</summary>
    public string? From { get; init; }

    /// <summary>End of the period (exclusive) or of the run, store time text (UTC).</summary>
    public string? To { get; init; }

    public required string GeneratedAt { get; init; }

    /// <summary>The run's counts, or the sum over the period's runs.</summary>
    public required ReportCounts Totals { get; init; }

    /// <summary>
    /// The run's status; for a period the worst of its runs' (<c>failed</c>, else <c>completed_with_problems</c> when
    /// any run did not succeed, else <c>succeeded</c>, also for a period without runs).
    /// </summary>
    public required string Status { get; init; }

    /// <summary>True when every run reported on succeeded (no quarantined or failed record, no run error).</summary>
    public bool Succeeded => Status == RunStatus.Succeeded;

    public long RunCount { get; init; }
    public IReadOnlyList<ReportRun> Runs { get; init; } = [];
    public IReadOnlyList<ConnectorSummary> Connectors { get; init; } = [];

    public long QuarantineTotal { get; init; }
    public IReadOnlyList<QuarantineRow> Quarantine { get; init; } = [];

    public required CheckTally Checks { get; init; }
    public IReadOnlyList<CheckFinding> CheckFindings { get; init; } = [];

    /// <summary>The last audit entry written by the end of the run or period: an anchor for <c>audit verify --anchor</c>.</summary>
    public AuditHead? AuditHead { get; init; }
}

/// <summary>Whether a report covers one run or the runs started in a period.</summary>
public enum ReportScope
{
    Run,
    Period,
}

/// <summary>
/// Outcome counts. Every record read ends in exactly one outcome, so <see cref="Reconciles"/> holds for any honest
/// run: <c>Read = Created + Versioned + Unchanged + Duplicates + Quarantined + Failed</c>.
/// </summary>
public sealed record ReportCounts(long Read, long Created, long Versioned, long Unchanged, long Duplicates, long Quarantined, long Failed)
{
    public static ReportCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public bool Reconciles => Read == Created + Versioned + Unchanged + Duplicates + Quarantined + Failed;

    public ReportCounts Add(ReportCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Read + other.Read, Created + other.Created, Versioned + other.Versioned, Unchanged + other.Unchanged,
            Duplicates + other.Duplicates, Quarantined + other.Quarantined, Failed + other.Failed);
    }
}

/// <summary>One run as stored.</summary>
public sealed record ReportRun(string Id, string Connector, string Trigger, string Status, string StartedAt, string? FinishedAt,
    ReportCounts Counts, string? Error);

/// <summary>A connector's runs in a period, summed.</summary>
public sealed record ConnectorSummary(string Connector, long Runs, long RunsWithProblems, ReportCounts Counts);

/// <summary>A record that could not be archived, as the report lists it.</summary>
public sealed record QuarantineRow(string Id, string Connector, string? Location, long? Line, string? Key, string Reason,
    string? Field, string? Value, string Message, string? MessageZh, string Status);

/// <summary>A failed 四性 check recorded on an archived record version (a warning, unless its level blocked).</summary>
public sealed record CheckFinding(string RecordId, string? ArchivalCode, string Connector, string SourceKey, int Version,
    string CheckId, string Property, string Level, string? Subject, string Message, string? MessageZh);

/// <summary>Check results of the record versions archived in the run or period.</summary>
public sealed record CheckTally(long RecordsWithResults, long Passed, long Warnings, long Failures);
