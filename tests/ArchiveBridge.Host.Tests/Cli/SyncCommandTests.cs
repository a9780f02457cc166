using System.Text.Json;

namespace ArchiveBridge.Host.Tests.Cli;

public sealed class SyncCommandTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Sync_SampleExport_CreatesAllThenFullResyncIsUnchanged()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"));

        var first = await _ws.RunAsync("sync", "hr", "--json");
        var second = await _ws.RunAsync("sync", "hr", "--json", "--full");
        var resumed = await _ws.RunAsync("sync", "hr", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        var a = JsonDocument.Parse(first.Lines[^1]).RootElement;
        Assert.Equal("succeeded", a.GetProperty("status").GetString());
        Assert.Equal(200, a.GetProperty("read").GetInt32());
        Assert.Equal(200, a.GetProperty("created").GetInt32());
        var b = JsonDocument.Parse(second.Lines[^1]).RootElement;
        Assert.Equal(0, b.GetProperty("created").GetInt32());
        Assert.Equal(200, b.GetProperty("unchanged").GetInt32());
        var c = JsonDocument.Parse(resumed.Lines[^1]).RootElement;
        Assert.Equal(0, c.GetProperty("read").GetInt32()); // the checkpoint is at the end of the unchanged file
    }

    [Fact]
    public async Task Stats_AfterSync_CountsRecordsBlobsAndDedupSavings()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"));
        await _ws.RunAsync("sync", "hr");

        var stats = await _ws.RunAsync("stats", "--json");

        var s = JsonDocument.Parse(stats.Stdout).RootElement;
        Assert.Equal(200, s.GetProperty("records").GetInt32());
        Assert.Equal(0, s.GetProperty("quarantined").GetInt32());
        Assert.True(s.GetProperty("blobs").GetInt32() > 0);
        Assert.True(s.GetProperty("bytesSavedByDedup").GetInt64() > 0, "the joint notices share one scanned PDF");
    }

    [Fact]
    public async Task Sync_UnknownConnector_Exit2NamingTheConfig()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"));

        var result = await _ws.RunAsync("sync", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no connector 'nope'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("archivebridge.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_MissingMappingFile_Exit2NamingFileAndField()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"), mappingPath: "/nonexistent/mapping.json");

        var result = await _ws.RunAsync("sync", "--all");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("connectors[0].mapping", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/mapping.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ArchivalCode_PrintsRecordWithAttachmentsAndSource()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"));
        await _ws.RunAsync("sync", "hr");
        var preview = await _ws.RunAsync("preview", "hr", "--limit", "1", "--json");
        Assert.Equal(0, preview.ExitCode);
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_ws.Path, "data", "archive.db")}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT archival_code FROM records r JOIN attachments a ON a.record_id = r.id LIMIT 1";
        var code = (string)cmd.ExecuteScalar()!;

        var show = await _ws.RunAsync("show", code, "--json");

        Assert.True(show.ExitCode == 0, show.ToString());
        var d = JsonDocument.Parse(show.Stdout).RootElement;
        Assert.Equal(code, d.GetProperty("archivalCode").GetString());
        var record = d.GetProperty("record");
        Assert.Equal("hr", record.GetProperty("source").GetProperty("connectorId").GetString());
        var file = record.GetProperty("attachments")[0];
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);
        Assert.True(file.GetProperty("size").GetInt64() > 0);
    }
}
