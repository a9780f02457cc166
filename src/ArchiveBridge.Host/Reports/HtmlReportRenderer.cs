using System.Globalization;
using System.Net;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Reports;

/// <summary>
/// The form an archivist prints and signs: one self-contained page (inline CSS, no scripts, fonts or images
/// fetched), Chinese labels first, every value HTML-encoded (quarantine rows carry whatever the source sent).
/// </summary>
internal static class HtmlReportRenderer
{
    public static void Render(SyncReport r, TextWriter w)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<title>{E(ReportLabels.Title)} · {E(ReportLabels.ScopeTitle(r))}</title>");
        w.WriteLine($"<style>{HtmlReportStyle.Css}</style></head><body>");

        w.WriteLine($"<header><h1>{E(ReportLabels.Title)}</h1><p class=\"scope\">{E(ReportLabels.ScopeTitle(r))}</p><dl class=\"meta\">");
        Meta(w, ReportLabels.Connector, r.Connector ?? "*");
        w.WriteLine($"<dt>{E(ReportLabels.Status)}</dt><dd id=\"status\" class=\"{(r.Succeeded ? "ok" : "bad")}\">{E(ReportLabels.StatusText(r.Status))}</dd>");
        var run = r.Scope == ReportScope.Run ? r.Runs.FirstOrDefault() : null;
        if (run is not null) Meta(w, ReportLabels.Trigger, run.Trigger);
        var (startLabel, endLabel) = ReportLabels.BoundLabels(r);
        Meta(w, startLabel, r.From);
        Meta(w, endLabel, r.To);
        if (r.Scope == ReportScope.Period) Meta(w, ReportLabels.Runs, Invariant(r.RunCount));
        if (run?.Error is { } error) Meta(w, ReportLabels.Error, error);
        w.WriteLine("</dl></header>");

        w.WriteLine($"<section id=\"counts\"><h2>{E(ReportLabels.Counts)}</h2>");
        CountsTable(w, [], [([], r.Totals)]);
        w.WriteLine($"<p class=\"equation\">{E(TextReportRenderer.Reconciliation(r.Totals))}</p></section>");

        if (r.Scope == ReportScope.Period)
        {
            w.WriteLine($"<section id=\"connectors\"><h2>{E(ReportLabels.Connectors)}</h2>");
            CountsTable(w, [ReportLabels.Connector, ReportLabels.Runs, ReportLabels.RunsWithProblems],
                [.. r.Connectors.Select(c => (new[] { c.Connector, Invariant(c.Runs), Invariant(c.RunsWithProblems) }, c.Counts))]);
            w.WriteLine($"</section><section id=\"runs\"><h2>{E(ReportLabels.RunList)} ({Invariant(r.RunCount)})</h2>");
            CountsTable(w, [ReportLabels.RunId, ReportLabels.Connector, ReportLabels.Status, ReportLabels.Started],
                [.. r.Runs.Select(x => (new[] { x.Id, x.Connector, ReportLabels.StatusText(x.Status), x.StartedAt }, x.Counts))]);
            More(w, r.Runs.Count, r.RunCount);
            w.WriteLine("</section>");
        }

        w.WriteLine($"<section id=\"quarantine\"><h2>{E(ReportLabels.Quarantine)} ({Invariant(r.QuarantineTotal)})</h2>");
        Table(w, [ReportLabels.Connector, ReportLabels.Location, ReportLabels.Key, ReportLabels.Reason, ReportLabels.Field, ReportLabels.Value,
            ReportLabels.MessageZh, ReportLabels.Message, ReportLabels.Status],
            r.Quarantine.Select(q => new[] { q.Connector, ReportLabels.LocationText(q), q.Key, q.Reason, q.Field, q.Value, q.MessageZh, q.Message, ReportLabels.StatusText(q.Status) }),
            r.QuarantineTotal);
        w.WriteLine("</section>");

        w.WriteLine($"<section id=\"checks\"><h2>{E(ReportLabels.Checks)}</h2><p class=\"tally\">");
        w.WriteLine(string.Join(" · ", ReportLabels.TallyColumns.Select(c => $"{E(c.Label)} <b>{Invariant(c.Value(r.Checks))}</b>")));
        w.WriteLine($"</p><h3>{E(ReportLabels.CheckFindings)}</h3>");
        Table(w, [ReportLabels.ArchivalCode, ReportLabels.Key, ReportLabels.Version, ReportLabels.Check, ReportLabels.Property, ReportLabels.Level,
            ReportLabels.Subject, ReportLabels.MessageZh, ReportLabels.Message],
            r.CheckFindings.Select(f => new[] { f.ArchivalCode ?? f.RecordId, $"{f.Connector}/{f.SourceKey}", Invariant(f.Version), f.CheckId,
                ReportLabels.PropertyText(f.Property), ReportLabels.LevelText(f.Level), f.Subject, f.MessageZh, f.Message }),
            r.Checks.Warnings + r.Checks.Failures);
        w.WriteLine("</section>");

        w.WriteLine($"<section id=\"audit\"><h2>{E(ReportLabels.AuditHead)}</h2>");
        if (r.AuditHead is { } head)
            w.WriteLine($"<dl class=\"meta\"><dt>{E(ReportLabels.Seq)}</dt><dd>{Invariant(head.Seq)}</dd><dt>{E(ReportLabels.Hash)}</dt><dd class=\"hash\">{E(head.Hash)}</dd><dt>{E(ReportLabels.At)}</dt><dd>{E(head.At)}</dd></dl>");
        else w.WriteLine($"<p>{E(ReportLabels.None)}</p>");
        w.WriteLine("</section>");
        w.WriteLine($"<footer>{E(ReportLabels.Generated)} {E(r.GeneratedAt)} · ArchiveBridge</footer></body></html>");
    }

    /// <summary>The outcome counts and the reconciliation flag, after <paramref name="leading"/> columns naming each row.</summary>
    private static void CountsTable(TextWriter w, string[] leading, IReadOnlyList<(string[] Names, ReportCounts Counts)> rows)
    {
        w.Write("<table class=\"counts\"><thead><tr>");
        foreach (var h in leading) w.Write($"<th>{E(h)}</th>");
        foreach (var c in ReportLabels.CountColumns) w.Write($"<th>{E(c.Label)}</th>");
        w.WriteLine($"<th>{E(ReportLabels.Reconciles)}</th></tr></thead><tbody>");
        foreach (var (names, counts) in rows)
        {
            w.Write("<tr>");
            foreach (var name in names) w.Write($"<th scope=\"row\">{E(name)}</th>");
            foreach (var c in ReportLabels.CountColumns) w.Write($"<td>{Invariant(c.Value(counts))}</td>");
            w.WriteLine($"<td class=\"{(counts.Reconciles ? "ok" : "bad")}\">{E(ReportLabels.YesNo(counts.Reconciles))}</td></tr>");
        }
        if (rows.Count == 0) w.WriteLine($"<tr><td colspan=\"{leading.Length + ReportLabels.CountColumns.Count + 1}\" class=\"none\">{E(ReportLabels.None)}</td></tr>");
        w.WriteLine("</tbody></table>");
    }

    private static void Table(TextWriter w, string[] headers, IEnumerable<string?[]> rows, long total)
    {
        var shown = 0;
        w.Write("<table><thead><tr>");
        foreach (var h in headers) w.Write($"<th>{E(h)}</th>");
        w.WriteLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            shown++;
            w.Write("<tr>");
            foreach (var cell in row) w.Write($"<td>{E(cell)}</td>");
            w.WriteLine("</tr>");
        }
        if (shown == 0) w.WriteLine($"<tr><td colspan=\"{headers.Length}\" class=\"none\">{E(ReportLabels.None)}</td></tr>");
        w.WriteLine("</tbody></table>");
        More(w, shown, total);
    }

    private static void More(TextWriter w, long shown, long total)
    {
        if (total > shown) w.WriteLine($"<p class=\"more\">… 另有 {Invariant(total - shown)} 条未列出 {Invariant(total - shown)} more not listed (--max-rows)</p>");
    }

    private static void Meta(TextWriter w, string label, string? value) => w.WriteLine($"<dt>{E(label)}</dt><dd>{E(value)}</dd>");

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
