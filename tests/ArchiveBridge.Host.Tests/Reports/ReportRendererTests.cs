using System.Text;
using System.Text.Json;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Host.Reports;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Tests.Reports;

public sealed class ReportRendererTests : IDisposable
{
    private readonly TestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task RenderAsync_Json_CountsReconcileForCreatedDuplicateAndQuarantined()
    {
        var report = await ReportSamples.RunReportAsync(_archive);

        using var doc = JsonDocument.Parse(await ReportRenderer.RenderToStringAsync(report, ReportFormat.Json, CancellationToken.None));

        var root = doc.RootElement;
        long N(string name) => root.GetProperty(name).GetInt64();
        Assert.Equal((5L, 2L, 1L, 2L), (N("read"), N("created"), N("duplicates"), N("quarantined")));
        Assert.Equal(N("read"), N("created") + N("versioned") + N("unchanged") + N("duplicates") + N("quarantined") + N("failed"));
        Assert.True(root.GetProperty("reconciles").GetBoolean());
        Assert.Equal("run", root.GetProperty("kind").GetString());
        Assert.Equal(report.RunId, root.GetProperty("runId").GetString());
        Assert.Equal("completed_with_problems", root.GetProperty("status").GetString());
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        var quarantine = root.GetProperty("quarantine");
        Assert.Equal(2, quarantine.GetProperty("total").GetInt64());
        Assert.Equal([ReasonCodes.MalformedRow, ReasonCodes.MissingField],
            quarantine.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).Order());
        Assert.Equal(await _archive.ScalarAsync<long>("SELECT max(seq) FROM audit_log"), root.GetProperty("auditHead").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task RenderAsync_Csv_BomChineseLabelsAndFormulaEscaped()
    {
        var report = await ReportSamples.RunReportAsync(_archive);
        using var buffer = new MemoryStream();

        await ReportRenderer.RenderAsync(report, ReportFormat.Csv, buffer, CancellationToken.None);

        var bytes = buffer.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        Assert.StartsWith("同步报告 Sync report,运行 Run ", text, StringComparison.Ordinal);
        Assert.Contains("读取 Read,新建 Created,新版本 Versioned,未变更 Unchanged,重复 Duplicates,隔离 Quarantined,失败 Failed,平衡 Reconciles\r\n5,2,0,0,1,2,0,是 yes\r\n", text, StringComparison.Ordinal);
        Assert.Contains("hr-csv,hr_export.csv:3,bad,malformed_row,题名,\"'=HYPERLINK(\"\"x\"\")<script>alert(1)</script>\",引号未闭合,unclosed quote,", text, StringComparison.Ordinal);
        Assert.Contains("hr-csv,hr_export.csv:4,nodate,missing_field,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Text_ReconciliationLineAndReasons()
    {
        var report = await ReportSamples.RunReportAsync(_archive);

        var text = await ReportRenderer.RenderToStringAsync(report, ReportFormat.Text, CancellationToken.None);

        Assert.Contains("读取 Read 5 = 新建 Created 2 + 新版本 Versioned 0 + 未变更 Unchanged 0 + 重复 Duplicates 1 + 隔离 Quarantined 2 + 失败 Failed 0  [平衡 Reconciles 是 yes]",
            text, StringComparison.Ordinal);
        Assert.Contains("hr-csv  hr_export.csv:3  key bad  malformed_row", text, StringComparison.Ordinal);
        Assert.Contains($"审计链头 Audit head: seq {report.AuditHead!.Seq}  {report.AuditHead.Hash}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_Html_SelfContainedAndEveryValueEncoded()
    {
        var report = await ReportSamples.RunReportAsync(_archive);

        var html = await ReportRenderer.RenderToStringAsync(report, ReportFormat.Html, CancellationToken.None);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;x&quot;)&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var external in new[] { "http://", "https://", "src=", "<link", "@import", "url(" })
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RenderAsync_PeriodWithoutRuns_StillAReportThatReconciles()
    {
        var report = await new ReportQueries(_archive.Store, TimeProvider.System).BuildAsync(
            new ReportRequest { From = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero) },
            CancellationToken.None);

        var text = await ReportRenderer.RenderToStringAsync(report!, ReportFormat.Text, CancellationToken.None);

        Assert.True(report!.Succeeded);
        Assert.Contains("期间 Period 2020-01-01T00:00:00.000Z → 2020-02-01T00:00:00.000Z", text, StringComparison.Ordinal);
        Assert.Contains("[平衡 Reconciles 是 yes]", text, StringComparison.Ordinal);
        Assert.Contains("审计链头 Audit head: 无 none", text, StringComparison.Ordinal);
    }
}
