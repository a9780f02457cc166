using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Entities;

namespace ArchiveBridge.Host.Cli;

/// <summary>A stored run as JSON (the same fields as <c>sync --json</c>, plus times and reconciliation).</summary>
internal sealed record RunJson(string RunId, string Connector, string Status, long Read, long Created, long Versioned, long Unchanged,
    long Duplicates, long Quarantined, long Failed, long DurationMs)
{
    public string? Trigger { get; init; }
    public string? StartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public string? Error { get; init; }
    public bool Reconciles { get; init; }

    public static RunJson From(RunEntity r)
    {
        var duration = r.FinishedAt is null ? 0 : (long)(StoreTime.Parse(r.FinishedAt) - StoreTime.Parse(r.StartedAt)).TotalMilliseconds;
        return new RunJson(r.Id, r.ConnectorId, r.Status, r.Read, r.Created, r.Versioned, r.Unchanged, r.Duplicates, r.Quarantined, r.Failed, duration)
        {
            Trigger = r.Trigger,
            StartedAt = r.StartedAt,
            FinishedAt = r.FinishedAt,
            Error = r.Error,
            Reconciles = r.Read == r.Created + r.Versioned + r.Unchanged + r.Duplicates + r.Quarantined + r.Failed,
        };
    }
}
