using System.Data.Common;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Reports;

/// <summary>
/// Gathers a <see cref="SyncReport"/> from the store with streaming reads: runs, quarantine entries seen in them,
/// check results of the record versions they archived, and the audit head at their end. Memory is bounded by
/// <see cref="ReportRequest.MaxRows"/>, not by the size of the period.
/// </summary>
public sealed class ReportQueries
{
    private readonly ArchiveStore _store;
    private readonly TimeProvider _time;

    public ReportQueries(ArchiveStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>The report, or null when the run asked for (or any finished run, for the last) does not exist.</summary>
    public async Task<SyncReport?> BuildAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxRows);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var scope = ReportSelection.For(request, _time.GetUtcNow());
        if (!request.IsPeriod)
        {
            var runId = request.RunId ?? await LastRunIdAsync(connection, request.ConnectorId, cancellationToken).ConfigureAwait(false);
            if (runId is null) return null;
            scope = ReportSelection.OneRun(runId);
        }

        var runs = new List<ReportRun>();
        var perConnector = new SortedDictionary<string, ConnectorSummary>(StringComparer.Ordinal);
        var totals = ReportCounts.Zero;
        long runCount = 0;
        var status = RunStatus.Succeeded;
        string? runStatus = null;
        string? firstStart = null, lastEnd = null;
        await using (var cmd = scope.Command(connection, "SELECT id, connector_id, trigger, status, started_at, finished_at, read, created, versioned, " +
            "unchanged, duplicates, quarantined, failed, error FROM runs WHERE id IN ({runs}) ORDER BY started_at, id"))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var run = ReadRun(reader);
                runCount++;
                totals = totals.Add(run.Counts);
                var ok = run.Status == RunStatus.Succeeded;
                runStatus = run.Status;
                if (!ok) status = run.Status == RunStatus.Failed || status == RunStatus.Failed ? RunStatus.Failed : RunStatus.CompletedWithProblems;
                firstStart ??= run.StartedAt;
                if (run.FinishedAt is not null && string.CompareOrdinal(run.FinishedAt, lastEnd) > 0) lastEnd = run.FinishedAt;
                perConnector[run.Connector] = perConnector.TryGetValue(run.Connector, out var s)
                    ? s with { Runs = s.Runs + 1, RunsWithProblems = s.RunsWithProblems + (ok ? 0 : 1), Counts = s.Counts.Add(run.Counts) }
                    : new ConnectorSummary(run.Connector, 1, ok ? 0 : 1, run.Counts);
                if (runs.Count < request.MaxRows) runs.Add(run);
            }
        }
        if (!request.IsPeriod && runCount == 0) return null;

        var (quarantine, quarantineTotal) = await QuarantineAsync(connection, scope, request.MaxRows, cancellationToken).ConfigureAwait(false);
        var (tally, findings) = await CheckFindingsAsync(connection, scope, request.MaxRows, cancellationToken).ConfigureAwait(false);

        // The head at the end: a run's last entry is its run.finished; a period's is the last one before its end.
        var end = request.IsPeriod ? scope.To : lastEnd is null ? null : StoreTime.ToText(StoreTime.Parse(lastEnd).AddMilliseconds(1));
        var head = await AuditReader.HeadAsync(connection, end, cancellationToken).ConfigureAwait(false);

        return new SyncReport
        {
            Scope = request.IsPeriod ? ReportScope.Period : ReportScope.Run,
            RunId = request.IsPeriod ? null : scope.RunId,
            Connector = request.IsPeriod ? request.ConnectorId : runs.FirstOrDefault()?.Connector,
            From = request.IsPeriod ? scope.From : firstStart,
            To = request.IsPeriod ? scope.To : lastEnd,
            GeneratedAt = StoreTime.ToText(_time.GetUtcNow()),
            Totals = totals,
            Status = request.IsPeriod ? status : runStatus!,
            RunCount = runCount,
            Runs = runs,
            Connectors = [.. perConnector.Values],
            QuarantineTotal = quarantineTotal,
            Quarantine = quarantine,
            Checks = tally,
            CheckFindings = findings,
            AuditHead = head,
        };
    }

    private static async Task<string?> LastRunIdAsync(SqliteConnection connection, string? connectorId, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, null,
            "SELECT id FROM runs WHERE status <> 'running' AND ($c IS NULL OR connector_id = $c) ORDER BY started_at DESC, id DESC LIMIT 1");
        Sql.Add(cmd, "$c", connectorId);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    private static async Task<(List<QuarantineRow>, long)> QuarantineAsync(SqliteConnection connection, ReportSelection scope, int max, CancellationToken ct)
    {
        // An entry belongs to the run that first quarantined it and to the last run that saw it again.
        const string Where = "FROM quarantine WHERE run_id IN ({runs}) OR last_run_id IN ({runs})";
        long total;
        await using (var count = scope.Command(connection, "SELECT count(*) " + Where))
            total = Convert.ToInt64(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<QuarantineRow>();
        await using var cmd = scope.Command(connection, "SELECT id, connector_id, location, line_number, source_key, reason, field, value, message, " +
            "message_zh, status " + Where + " ORDER BY connector_id, location, line_number, id LIMIT $max");
        Sql.Add(cmd, "$max", max);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new QuarantineRow(reader.GetString(0), reader.GetString(1), Sql.NullableString(reader, 2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), Sql.NullableString(reader, 4), reader.GetString(5), Sql.NullableString(reader, 6),
                Sql.NullableString(reader, 7), reader.GetString(8), Sql.NullableString(reader, 9), reader.GetString(10)));
        }
        return (rows, total);
    }

    /// <summary>Check results of every record version the runs archived: current versions and those superseded since.</summary>
    private static async Task<(CheckTally, List<CheckFinding>)> CheckFindingsAsync(SqliteConnection connection, ReportSelection scope, int max, CancellationToken ct)
    {
        long records = 0, passed = 0, warnings = 0, failures = 0;
        var findings = new List<CheckFinding>();
        await using var cmd = scope.Command(connection,
            "SELECT r.id, r.archival_code, r.connector_id, r.source_key, r.version, r.checks FROM records r " +
            "WHERE r.content_run_id IN ({runs}) AND r.checks IS NOT NULL " +
            "UNION ALL SELECT r.id, r.archival_code, r.connector_id, r.source_key, v.version, v.checks FROM record_versions v JOIN records r ON r.id = v.record_id " +
            "WHERE v.run_id IN ({runs}) AND v.checks IS NOT NULL ORDER BY 3, 2, 1, 5");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var (ok, failed) = StoredCheckResults.Parse(reader.GetString(5));
            records++;
            passed += ok;
            foreach (var f in failed)
            {
                if (f.Level == "block") failures++;
                else warnings++;
                if (findings.Count < max)
                {
                    findings.Add(new CheckFinding(reader.GetString(0), Sql.NullableString(reader, 1), reader.GetString(2), reader.GetString(3),
                        reader.GetInt32(4), f.Id, f.Property, f.Level, f.Subject, f.Message, f.MessageZh));
                }
            }
        }
        return (new CheckTally(records, passed, warnings, failures), findings);
    }

    private static ReportRun ReadRun(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        Sql.NullableString(r, 5), new ReportCounts(r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12)),
        Sql.NullableString(r, 13));
}
