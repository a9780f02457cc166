using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Reports;

/// <summary>The console form: a header, the reconciliation line, then each section as aligned lines.</summary>
internal static class TextReportRenderer
{
    public static void Render(SyncReport r, TextWriter w)
    {
        w.WriteLine($"{ReportLabels.Title}  {ReportLabels.ScopeTitle(r)}");
        var run = r.Scope == ReportScope.Run ? r.Runs.FirstOrDefault() : null;
        w.WriteLine($"{ReportLabels.Connector} {r.Connector ?? "*"}  {ReportLabels.Status} {ReportLabels.StatusText(r.Status)}" +
            (run is null ? $"  {ReportLabels.Runs} {r.RunCount}" : $"  {ReportLabels.Trigger} {run.Trigger}  {r.From} → {r.To}"));
        if (run?.Error is { } error) w.WriteLine($"{ReportLabels.Error}: {error}");
        w.WriteLine(Reconciliation(r.Totals));

        if (r.Scope == ReportScope.Period && r.Connectors.Count > 0)
        {
            w.WriteLine($"\n{ReportLabels.Connectors}");
            foreach (var c in r.Connectors)
                w.WriteLine($"  {c.Connector}: {ReportLabels.Runs} {c.Runs} ({ReportLabels.RunsWithProblems} {c.RunsWithProblems})  {Reconciliation(c.Counts)}");
            w.WriteLine($"\n{ReportLabels.RunList} ({r.RunCount})");
            foreach (var x in r.Runs)
                w.WriteLine($"  {x.Id}  {x.Connector}  {x.StartedAt}  {ReportLabels.StatusText(x.Status)}  {Reconciliation(x.Counts)}{(x.Error is null ? "" : $"  {ReportLabels.Error}: {x.Error}")}");
            More(w, r.Runs.Count, r.RunCount);
        }

        w.WriteLine($"\n{ReportLabels.Quarantine} ({r.QuarantineTotal})");
        foreach (var q in r.Quarantine)
        {
            var field = q.Field is null ? "" : $" [{q.Field}{(q.Value is null ? "" : $"=“{q.Value}”")}]";
            w.WriteLine($"  {q.Connector}  {ReportLabels.LocationText(q)}  key {q.Key}  {q.Reason}{field}  {q.MessageZh ?? q.Message} / {q.Message}  ({q.Status})");
        }
        More(w, r.Quarantine.Count, r.QuarantineTotal);

        var t = r.Checks;
        w.WriteLine($"\n{ReportLabels.Checks}: {string.Join("  ", ReportLabels.TallyColumns.Select(c => $"{c.Label} {c.Value(t)}"))}");
        foreach (var f in r.CheckFindings)
        {
            w.WriteLine($"  {ReportLabels.LevelText(f.Level)}  {f.CheckId}  {f.ArchivalCode ?? f.RecordId} ({f.Connector}/{f.SourceKey} v{f.Version})" +
                $"{(f.Subject is null ? "" : $" [{f.Subject}]")}  {f.MessageZh ?? f.Message} / {f.Message}");
        }
        More(w, r.CheckFindings.Count, t.Warnings + t.Failures);

        var head = r.AuditHead;
        w.WriteLine($"\n{ReportLabels.AuditHead}: {(head is null ? ReportLabels.None : $"seq {head.Seq}  {head.Hash}  {head.At}")}");
    }

    /// <summary><c>读取 Read 5 = 新建 Created 2 + … [平衡 Reconciles 是 yes]</c>.</summary>
    internal static string Reconciliation(ReportCounts c)
    {
        var columns = ReportLabels.CountColumns;
        var parts = string.Join(" + ", columns.Skip(1).Select(x => $"{x.Label} {x.Value(c)}"));
        return $"{columns[0].Label} {columns[0].Value(c)} = {parts}  [{ReportLabels.Reconciles} {ReportLabels.YesNo(c.Reconciles)}]";
    }

    private static void More(TextWriter w, int shown, long total)
    {
        if (total > shown) w.WriteLine($"  … {total - shown} more (--max-rows)");
    }
}
