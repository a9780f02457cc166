using System.Text.Json;
using ArchiveBridge.Host.Cli;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Reports;

/// <summary>
/// The script form. A run's report keeps the flat fields <c>report --json</c> always printed (runId, status, read …
/// failed, reconciles, durationMs), and adds the sections as nested objects.
/// </summary>
internal static class JsonReportRenderer
{
    public static Task RenderAsync(SyncReport r, Stream destination, bool indented, CancellationToken ct)
    {
        var run = r.Scope == ReportScope.Run ? r.Runs.FirstOrDefault() : null;
        var t = r.Totals;
        var document = new
        {
            kind = r.Scope == ReportScope.Run ? "run" : "period",
            runId = r.RunId,
            connector = r.Connector,
            status = r.Status,
            succeeded = r.Succeeded,
            trigger = run?.Trigger,
            from = r.From,
            to = r.To,
            durationMs = run?.FinishedAt is { } end ? (long)(StoreTime.Parse(end) - StoreTime.Parse(run.StartedAt)).TotalMilliseconds : (long?)null,
            error = run?.Error,
            generatedAt = r.GeneratedAt,
            t.Read, t.Created, t.Versioned, t.Unchanged, t.Duplicates, t.Quarantined, t.Failed, t.Reconciles,
            runCount = r.RunCount,
            runs = r.Runs.Select(x => new
            {
                runId = x.Id, x.Connector, x.Trigger, x.Status, x.StartedAt, x.FinishedAt, x.Error,
                x.Counts.Read, x.Counts.Created, x.Counts.Versioned, x.Counts.Unchanged, x.Counts.Duplicates, x.Counts.Quarantined, x.Counts.Failed,
                x.Counts.Reconciles,
            }),
            connectors = r.Connectors.Select(c => new
            {
                c.Connector, c.Runs, c.RunsWithProblems,
                c.Counts.Read, c.Counts.Created, c.Counts.Versioned, c.Counts.Unchanged, c.Counts.Duplicates, c.Counts.Quarantined, c.Counts.Failed,
                c.Counts.Reconciles,
            }),
            quarantine = new { total = r.QuarantineTotal, rows = r.Quarantine },
            checks = new { r.Checks.RecordsWithResults, r.Checks.Passed, r.Checks.Warnings, r.Checks.Failures, findings = r.CheckFindings },
            auditHead = r.AuditHead,
        };
        return JsonSerializer.SerializeAsync(destination, document, indented ? CliJson.Indented : CliJson.Compact, ct);
    }
}
