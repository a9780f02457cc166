using ArchiveBridge.Storage.Reports;
using CsvHelper;

namespace ArchiveBridge.Host.Reports;

/// <summary>
/// The Excel form: UTF-8 with BOM, one table per section (a title row, a header row, the rows, an empty row),
/// formula-like cells escaped (<see cref="SpreadsheetCsv"/>) because quarantine rows carry source values verbatim.
/// </summary>
internal static class CsvReportRenderer
{
    public static async Task RenderAsync(SyncReport r, Stream destination, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, SpreadsheetCsv.Sections, leaveOpen: true);
        csv.WriteRecord([ReportLabels.Title, ReportLabels.ScopeTitle(r)]);
        csv.WriteRecord([ReportLabels.Connector, r.Connector ?? "*"]);
        csv.WriteRecord([ReportLabels.Status, ReportLabels.StatusText(r.Status)]);
        var (startLabel, endLabel) = ReportLabels.BoundLabels(r);
        csv.WriteRecord([startLabel, r.From]);
        csv.WriteRecord([endLabel, r.To]);
        csv.WriteRecord([ReportLabels.Generated, r.GeneratedAt]);
        Blank(csv);

        csv.WriteRecord([ReportLabels.Counts]);
        csv.WriteRecord([.. ReportLabels.CountColumns.Select(c => c.Label), ReportLabels.Reconciles]);
        foreach (var c in ReportLabels.CountColumns) csv.WriteField(c.Value(r.Totals));
        csv.WriteField(ReportLabels.YesNo(r.Totals.Reconciles));
        csv.EndRecord();
        Blank(csv);

        csv.WriteRecord([ReportLabels.Connectors]);
        csv.WriteRecord([ReportLabels.Connector, ReportLabels.Runs, ReportLabels.RunsWithProblems, .. ReportLabels.CountColumns.Select(c => c.Label), ReportLabels.Reconciles]);
        foreach (var s in r.Connectors)
        {
            csv.WriteField(s.Connector);
            csv.WriteField(s.Runs);
            csv.WriteField(s.RunsWithProblems);
            foreach (var c in ReportLabels.CountColumns) csv.WriteField(c.Value(s.Counts));
            csv.WriteField(ReportLabels.YesNo(s.Counts.Reconciles));
            await csv.EndRecordAsync(ct).ConfigureAwait(false);
        }
        Blank(csv);

        csv.WriteRecord([$"{ReportLabels.RunList} ({r.RunCount})"]);
        csv.WriteRecord([ReportLabels.RunId, ReportLabels.Connector, ReportLabels.Trigger, ReportLabels.Status, ReportLabels.Started, ReportLabels.Finished,
            .. ReportLabels.CountColumns.Select(c => c.Label), ReportLabels.Reconciles, ReportLabels.Error]);
        foreach (var x in r.Runs)
        {
            foreach (var field in new[] { x.Id, x.Connector, x.Trigger, ReportLabels.StatusText(x.Status), x.StartedAt, x.FinishedAt }) csv.WriteField(field);
            foreach (var c in ReportLabels.CountColumns) csv.WriteField(c.Value(x.Counts));
            csv.WriteField(ReportLabels.YesNo(x.Counts.Reconciles));
            csv.WriteField(x.Error);
            await csv.EndRecordAsync(ct).ConfigureAwait(false);
        }
        Blank(csv);

        csv.WriteRecord([$"{ReportLabels.Quarantine} ({r.QuarantineTotal})"]);
        csv.WriteRecord([ReportLabels.Connector, ReportLabels.Location, ReportLabels.Key, ReportLabels.Reason, ReportLabels.Field, ReportLabels.Value,
            ReportLabels.MessageZh, ReportLabels.Message, ReportLabels.Status, "id"]);
        foreach (var q in r.Quarantine)
        {
            await csv.WriteRecordAsync([q.Connector, ReportLabels.LocationText(q), q.Key, q.Reason, q.Field, q.Value, q.MessageZh, q.Message,
                ReportLabels.StatusText(q.Status), q.Id], ct).ConfigureAwait(false);
        }
        Blank(csv);

        csv.WriteRecord([ReportLabels.Checks, .. ReportLabels.TallyColumns.Select(c => $"{c.Label} {c.Value(r.Checks)}")]);
        csv.WriteRecord([ReportLabels.ArchivalCode, ReportLabels.Record, ReportLabels.Connector, ReportLabels.Key, ReportLabels.Version,
            ReportLabels.Check, ReportLabels.Property, ReportLabels.Level, ReportLabels.Subject, ReportLabels.MessageZh, ReportLabels.Message]);
        foreach (var f in r.CheckFindings)
        {
            await csv.WriteRecordAsync([f.ArchivalCode, f.RecordId, f.Connector, f.SourceKey, f.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                f.CheckId, ReportLabels.PropertyText(f.Property), ReportLabels.LevelText(f.Level), f.Subject, f.MessageZh, f.Message], ct).ConfigureAwait(false);
        }
        Blank(csv);

        csv.WriteRecord([ReportLabels.AuditHead, ReportLabels.Seq, ReportLabels.Hash, ReportLabels.At]);
        if (r.AuditHead is { } head)
        {
            csv.WriteField("");
            csv.WriteField(head.Seq);
            csv.WriteField(head.Hash);
            csv.WriteField(head.At);
            csv.EndRecord();
        }
        await csv.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void Blank(CsvWriter csv) => csv.WriteRecord([""]);
}
