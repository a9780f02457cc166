namespace ArchiveBridge.Storage.Reports;

/// <summary>What to report on: one run, the last run, or the runs started in a period.</summary>
public sealed record ReportRequest
{
    /// <summary>The run to report on; with neither this nor a period, the last finished run.</summary>
    public string? RunId { get; init; }

    /// <summary>Start of the period (inclusive). Set with <see cref="To"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the period (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only this connector's runs (a period, or the last run).</summary>
    public string? ConnectorId { get; init; }

    /// <summary>At most this many rows per list (runs, quarantine, check findings); totals count all.</summary>
    public int MaxRows { get; init; } = 1000;

    public bool IsPeriod => From is not null || To is not null;
}
