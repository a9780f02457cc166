using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage.Reports;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Reports;

/// <summary>A run with every outcome an auditor must see, and its report.</summary>
internal static class ReportSamples
{
    /// <summary>The value a hostile or careless source sent: a formula for Excel, markup for the browser.</summary>
    public const string HostileValue = "=HYPERLINK(\"x\")<script>alert(1)</script>";

    /// <summary>Two created, one duplicate, two quarantined (a malformed row and a row without a date).</summary>
    public static ListConnector MixedConnector(string id) => new(id,
    [
        Some.Record("a", docNumber: "人〔2024〕1号"),
        Some.Record("b", docNumber: "人〔2024〕2号"),
        new SourceRecord(Some.Record("bad").Fields)
        {
            Problem = new RecordProblem(ReasonCodes.MalformedRow, "unclosed quote") { MessageZh = "引号未闭合", Field = "题名", Value = HostileValue },
            SourceKey = "bad",
            RawText = "bad,\"row",
            Location = "hr_export.csv",
            LineNumber = 3,
        },
        new SourceRecord(Some.Record("nodate", date: "").Fields) { Location = "hr_export.csv", LineNumber = 4 },
        Some.Record("a-copy", docNumber: "人〔2024〕1号"),
    ]);

    public static async Task<SyncReport> RunReportAsync(TestArchive archive)
    {
        var run = await archive.SyncAsync(MixedConnector("hr-csv"));
        var report = await new ReportQueries(archive.Store, TimeProvider.System).BuildAsync(new ReportRequest { RunId = run.RunId }, CancellationToken.None);
        return report!;
    }
}
