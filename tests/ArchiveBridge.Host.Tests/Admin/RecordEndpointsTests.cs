using System.Net;
using System.Text.Json;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class RecordEndpointsTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiClient.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Record_ByArchivalCode_HasMetadataHistoryStoredChecksAndEvents()
    {
        var runId = await _host.RunAsync();
        var row = (await _host.RowsAsync("SELECT id, archival_code FROM records WHERE source_key = 'hr-db-1'")).Single();
        await StoreChecksAsync(row[0]!);

        var response = await _host.AuditorGetAsync($"/api/records/{Uri.EscapeDataString(row[1]!)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal((row[0], row[1], "hr-db", "hr-db-1"), (json.GetProperty("id").GetString(), json.GetProperty("archivalCode").GetString(),
            json.GetProperty("connector").GetString(), json.GetProperty("sourceKey").GetString()));
        Assert.Equal("关于第1号文件的通知", json.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("attachments").ValueKind);
        var version = json.GetProperty("versions").EnumerateArray().Single();
        Assert.Equal((1, runId, true), (version.GetProperty("version").GetInt32(), version.GetProperty("runId").GetString(), version.GetProperty("current").GetBoolean()));
        // The stored evidence itself, as written at ingest.
        var checks = json.GetProperty("checks");
        Assert.Equal([CheckId.SourceRecorded, CheckId.ArchivalCodeWellFormed], checks.GetProperty("passed").EnumerateArray().Select(p => p.GetString()));
        var warning = checks.GetProperty("failed").EnumerateArray().Single();
        Assert.Equal((CheckId.RequiredMetadata, "warn", "文号"), (warning.GetProperty("id").GetString(), warning.GetProperty("level").GetString(),
            warning.GetProperty("subject").GetString()));
        Assert.Contains(json.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "ingestion");
    }

    /// <summary>
    /// Results in the form ingest stores them (<see cref="IngestChecks.Serialize"/>): the serve test runtimes
    /// archive without running the checks, so the evidence is written here.
    /// </summary>
    private Task StoreChecksAsync(string recordId)
    {
        var json = IngestChecks.Serialize(
        [
            new CheckResult(CheckId.SourceRecorded, CheckProperty.Authenticity, CheckLevel.Block, true, "source recorded", "来源已记录", null),
            new CheckResult(CheckId.ArchivalCodeWellFormed, CheckProperty.Authenticity, CheckLevel.Block, true, "well formed", "档号格式正确", null),
            new CheckResult(CheckId.RequiredMetadata, CheckProperty.Integrity, CheckLevel.Warn, false, "docNumber is empty", "文号为空", "文号"),
        ])!;
        return _host.ExecuteAsync($"UPDATE records SET checks = '{json.Replace("'", "''", StringComparison.Ordinal)}' WHERE id = '{recordId}'");
    }

    [Fact]
    public async Task Record_WithDuplicates_ListsTheLinksById()
    {
        await _host.RunAsync("hr-db");
        await _host.RunAsync("oa-api");
        var id = (await _host.RowsAsync("SELECT id FROM records WHERE source_key = 'hr-db-2'")).Single()[0]!;

        var json = await (await _host.AuditorGetAsync($"/api/records/{id}")).JsonAsync();

        var link = json.GetProperty("duplicates").EnumerateArray().Single();
        Assert.Equal(("oa-api", "oa-api-2"), (link.GetProperty("connector").GetString(), link.GetProperty("sourceKey").GetString()));
    }

    [Fact]
    public async Task Record_DamagedChecks_AreReportedNotDropped()
    {
        await _host.RunAsync();
        var id = (await _host.RowsAsync("SELECT id FROM records WHERE source_key = 'hr-db-1'")).Single()[0]!;
        await _host.ExecuteAsync($"UPDATE records SET checks = '{{\"passed\":[' WHERE id = '{id}'");

        var json = await (await _host.AuditorGetAsync($"/api/records/{id}")).JsonAsync();

        Assert.Equal(JsonValueKind.Null, json.GetProperty("checks").ValueKind);
        Assert.Contains(id, json.GetProperty("checksUnreadable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Unknown_Returns404Problem()
    {
        var response = await _host.AuditorGetAsync("/api/records/Z001-WS-2099-D30-0001");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Z001-WS-2099-D30-0001", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
