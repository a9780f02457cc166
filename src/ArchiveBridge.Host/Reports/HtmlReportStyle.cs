namespace ArchiveBridge.Host.Reports;

/// <summary>
/// The report page's inline stylesheet: readable on screen, A4 landscape on paper, table headers repeated on
/// every printed page, no external fonts (a CJK system font is named, the browser falls back from there).
/// </summary>
internal static class HtmlReportStyle
{
    public const string Css = """
        :root { --ok: #1b6e2d; --bad: #a4161a; --rule: #c9ccd1; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
               font-size: 13px; color: #1d1f23; margin: 24px; line-height: 1.45; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 2px solid #1d1f23; }
        h3 { font-size: 14px; margin: 14px 0 6px; }
        .scope { font-size: 15px; margin: 0 0 10px; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
        dt { color: #555a61; } dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0; }
        th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; word-break: break-word; }
        thead th { background: #eef0f3; } table.counts td { text-align: right; font-variant-numeric: tabular-nums; }
        .ok { color: var(--ok); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
        .hash { font-family: "DejaVu Sans Mono", Consolas, monospace; word-break: break-all; }
        .none, .more { color: #555a61; } footer { margin-top: 28px; color: #555a61; font-size: 11px; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print { body { margin: 0; } thead { display: table-header-group; } tr { break-inside: avoid; } h2 { break-after: avoid; } }
        """;
}
