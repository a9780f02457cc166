using System.Text;
using System.Text.Json;

namespace ArchiveBridge.Host.Tests.Reports;

/// <summary>The <c>report</c> and <c>audit</c> verbs end to end: config, store, query, renderer, file, exit code.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Report_LastRunWithQuarantinedRecords_WritesHtmlFileAndExits1()
    {
        await _archive.SyncAsync(ReportSamples.MixedConnector("hr-csv"));
        var file = _archive.PathOf("out/report.html");

        var exit = await _archive.CliAsync("report", "--last", "--format", "html", "--out", file);

        Assert.Equal(1, exit);
        Assert.Contains("隔离记录 Quarantined records (2)", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SucceededRunAsJsonFile_Exits0WithTheRunsCounts()
    {
        var run = await _archive.SyncAsync(new TestUtils.ListConnector("oa", [TestUtils.Some.Record("a"), TestUtils.Some.Record("b")]));
        var file = _archive.PathOf("run.json");

        var exit = await _archive.CliAsync("report", run.RunId, "--json", "--out", file);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal((2, "succeeded"), (doc.RootElement.GetProperty("created").GetInt32(), doc.RootElement.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Report_PeriodAsCsv_BomAndPerConnectorRows()
    {
        await _archive.SyncAsync(ReportSamples.MixedConnector("hr-csv"));
        var file = _archive.PathOf("period.csv");

        var exit = await _archive.CliAsync("report", "--from", "2000-01-01", "--to", "2999-12-31", "--format", "csv", "--out", file);

        Assert.Equal(1, exit);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("\r\nhr-csv,1,1,5,2,0,0,1,2,0,是 yes\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunIdAndPeriodTogether_Exits2()
    {
        Assert.Equal(2, await _archive.CliAsync("report", "some-run", "--from", "2026-01-01"));
    }

    [Fact]
    public async Task AuditVerify_IntactThenEdited_Exits0Then1()
    {
        await _archive.SyncAsync(ReportSamples.MixedConnector("hr-csv"));

        var intact = await _archive.CliAsync("audit", "verify");
        await _archive.ExecuteAsync("UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE seq = 2");
        var edited = await _archive.CliAsync("audit", "verify", "--json");

        Assert.Equal((0, 1), (intact, edited));
    }

    [Fact]
    public async Task AuditExport_CsvFile_OneRowPerEntryAfterTheBom()
    {
        await _archive.SyncAsync(ReportSamples.MixedConnector("hr-csv"));
        var file = _archive.PathOf("audit.csv");

        var exit = await _archive.CliAsync("audit", "export", "--format", "csv", "--out", file);

        Assert.Equal(0, exit);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at,actor,action,subject,details,prev_hash,hash", lines[0]);
        Assert.Equal(await _archive.ScalarAsync<long>("SELECT count(*) FROM audit_log"), lines.Length - 1);
    }
}
