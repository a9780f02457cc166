using System.Text.Json;
using System.Text.Json.Serialization;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Storage.Reports;
using ArchiveBridge.Storage.Tests.Audit;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Reports;

public sealed class CheckFindingsTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task BuildAsync_RecordsWithStoredCheckResults_ListsFailuresWithTheirCodeAndCountsPasses()
    {
        var run = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a"), Some.Record("b"), Some.Record("c")]));
        var warn = new CheckResult(CheckId.FileNameSafe, CheckProperty.Security, CheckLevel.Warn, false,
            "unsafe file name: reserved name", "文件名不安全：保留名称", "CON.pdf");
        // One writer style each: camelCase with enum names, and the serializer's defaults (PascalCase, numbers).
        var camel = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        await SetChecksAsync("a", $"{{\"passed\":[\"{CheckId.SourceRecorded}\",\"{CheckId.RequiredMetadata}\"],\"failed\":[{JsonSerializer.Serialize(warn, camel)}]}}");
        await SetChecksAsync("b", $"{{\"Passed\":[\"{CheckId.SourceRecorded}\"],\"Failed\":[{JsonSerializer.Serialize(warn with { Subject = "aux.ofd" })}]}}");
        await SetChecksAsync("c", $"{{\"passed\":[\"{CheckId.SourceRecorded}\"],\"failed\":[]}}");

        var report = await new ReportQueries(_f.Store, TimeProvider.System).BuildAsync(new ReportRequest { RunId = run.RunId }, CancellationToken.None);

        Assert.Equal(new CheckTally(3, 4, 2, 0), report!.Checks);
        Assert.Equal(2, report.CheckFindings.Count);
        var a = Assert.Single(report.CheckFindings, f => f.SourceKey == "a");
        Assert.Equal((CheckId.FileNameSafe, "security", "warn", "CON.pdf", "文件名不安全：保留名称"), (a.CheckId, a.Property, a.Level, a.Subject, a.MessageZh));
        Assert.Equal(await StoreSql.ScalarAsync<string>(_f.Store, "SELECT archival_code FROM records WHERE source_key = 'a'"), a.ArchivalCode);
        var b = Assert.Single(report.CheckFindings, f => f.SourceKey == "b");
        Assert.Equal(("security", "warn", "aux.ofd"), (b.Property, b.Level, b.Subject));
    }

    [Fact]
    public async Task BuildAsync_SupersededVersion_ItsResultsBelongToTheRunThatArchivedIt()
    {
        var first = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", title: "初稿")]));
        var second = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", title: "定稿")]), full: true);
        // Version 1's results, as the pipeline keeps them on the superseded row.
        await StoreSql.ExecuteAsync(_f.Store, "UPDATE record_versions SET checks = " +
            $"'{{\"passed\":[],\"failed\":[{{\"id\":\"{CheckId.FormatMatchesName}\",\"level\":\"warn\",\"message\":\"v1\"}}]}}' WHERE version = 1");
        var queries = new ReportQueries(_f.Store, TimeProvider.System);

        var firstReport = await queries.BuildAsync(new ReportRequest { RunId = first.RunId }, CancellationToken.None);
        var secondReport = await queries.BuildAsync(new ReportRequest { RunId = second.RunId }, CancellationToken.None);

        var finding = Assert.Single(firstReport!.CheckFindings);
        Assert.Equal((1, "v1", "usability"), (finding.Version, finding.Message, finding.Property));
        Assert.Empty(secondReport!.CheckFindings);
    }

    [Fact]
    public async Task BuildAsync_CheckResultsNotReadable_ReportedAsAFailureNotSkipped()
    {
        var run = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a")]));
        await SetChecksAsync("a", "{\"passed\":[\"authenticity.source_recorded\"");

        var report = await new ReportQueries(_f.Store, TimeProvider.System).BuildAsync(new ReportRequest { RunId = run.RunId }, CancellationToken.None);

        Assert.Equal(new CheckTally(1, 0, 0, 1), report!.Checks);
        var finding = Assert.Single(report.CheckFindings);
        Assert.Equal(("report.checks_unreadable", "block"), (finding.CheckId, finding.Level));
        Assert.StartsWith("the stored check results cannot be read", finding.Message, StringComparison.Ordinal);
    }

    private Task SetChecksAsync(string key, string json) =>
        StoreSql.ExecuteAsync(_f.Store, $"UPDATE records SET checks = '{json.Replace("'", "''", StringComparison.Ordinal)}' WHERE source_key = '{key}'");
}
