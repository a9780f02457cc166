using System.Text;
using System.Text.Json;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Cli;

public sealed class QuarantineCommandTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Sync_MessyExport_EachBadRowQuarantinedWithReasonAndLine_CountsReconcile()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export_messy.csv"));

        var sync = await _ws.RunAsync("sync", "hr", "--json");
        var list = await _ws.RunAsync("quarantine", "list", "--json");

        Assert.True(sync.ExitCode == 1, sync.ToString());
        var run = JsonDocument.Parse(sync.Lines[^1]).RootElement;
        Assert.Equal("completed_with_problems", run.GetProperty("status").GetString());
        Assert.Equal((16, 7, 9), (run.GetProperty("read").GetInt32(), run.GetProperty("created").GetInt32(), run.GetProperty("quarantined").GetInt32()));
        var entries = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("line").GetInt64(), e => e.GetProperty("reason").GetString());
        var expected = new Dictionary<long, string?>
        {
            [5] = "malformed_row", [6] = "malformed_row", [8] = "missing_field", [9] = "bad_date", [10] = "unknown_value",
            [11] = "attachment_missing", [12] = "attachment_outside_root", [13] = "malformed_row", [14] = "unknown_value",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), entries.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Retry_AfterMappingFix_ArchivesFixedRowsAndKeepsTheRest()
    {
        var mapping = Path.Combine(_ws.Path, "hr-personnel.json");
        var original = await File.ReadAllTextAsync(CliWorkspace.Mapping("hr-personnel.json"));
        await File.WriteAllTextAsync(mapping, original);
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export_messy.csv"), mappingPath: mapping);
        await _ws.RunAsync("sync", "hr");

        // The admin teaches the mapping that 长期 means 永久 (Y).
        Assert.Contains("\"定期10年\": \"D10\"", original, StringComparison.Ordinal);
        await File.WriteAllTextAsync(mapping, original.Replace("\"定期10年\": \"D10\"", "\"定期10年\": \"D10\", \"长期\": \"Y\"", StringComparison.Ordinal));
        var retry = await _ws.RunAsync("quarantine", "retry", "--all", "--json");
        var open = await _ws.RunAsync("quarantine", "list", "--json");
        var resolved = await _ws.RunAsync("quarantine", "list", "--status", "resolved", "--json");

        Assert.True(retry.ExitCode == 1, retry.ToString()); // the rest are still bad
        var run = JsonDocument.Parse(retry.Lines[^1]).RootElement;
        Assert.Equal((9, 1, 8), (run.GetProperty("read").GetInt32(), run.GetProperty("created").GetInt32(), run.GetProperty("quarantined").GetInt32()));
        Assert.Equal(8, JsonDocument.Parse(open.Stdout).RootElement.GetArrayLength());
        var fixedEntry = Assert.Single(JsonDocument.Parse(resolved.Stdout).RootElement.EnumerateArray());
        Assert.Equal(10, fixedEntry.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Dismiss_OpenEntry_ClosesItWithTheReason()
    {
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export_messy.csv"));
        await _ws.RunAsync("sync", "hr");
        var list = JsonDocument.Parse((await _ws.RunAsync("quarantine", "list", "--json")).Stdout).RootElement;
        var id = list[0].GetProperty("id").GetString()!;

        var dismiss = await _ws.RunAsync("quarantine", "dismiss", id, "--reason", "重复提交，业务系统已作废");
        var show = await _ws.RunAsync("quarantine", "show", id, "--json");
        var again = await _ws.RunAsync("quarantine", "dismiss", id, "--reason", "x");

        Assert.Equal(0, dismiss.ExitCode);
        var e = JsonDocument.Parse(show.Stdout).RootElement;
        Assert.Equal("dismissed", e.GetProperty("status").GetString());
        Assert.Equal("重复提交，业务系统已作废", e.GetProperty("dismissReason").GetString());
        Assert.Equal(2, again.ExitCode);
    }

    [Theory]
    [InlineData("页数", "三页", "bad_number")]
    [InlineData("附件路径", "big.pdf", "attachment_too_large")]
    public async Task Sync_GeneratedRowWithOneBadValue_QuarantinedWithReason(string column, string value, string reason)
    {
        var files = Path.Combine(_ws.Path, "files");
        Directory.CreateDirectory(files);
        await File.WriteAllBytesAsync(Path.Combine(files, "big.pdf"), new byte[4096]);
        var csv = Path.Combine(_ws.Path, "one.csv");
        var rows = new HrCsvGenerator(7).Rows(3).Select(r => r.ToArray()).ToList();
        rows[1][HrCsvGenerator.Headers.ToList().IndexOf(column)] = value;
        var text = string.Join("\r\n", new[] { string.Join(",", HrCsvGenerator.Headers) }.Concat(rows.Select(r => string.Join(",", r.Select(v => v.Contains(',') ? $"\"{v}\"" : v))))) + "\r\n";
        await File.WriteAllBytesAsync(csv, Encodings.Gb18030.GetBytes(text));
        _ws.WriteCsvConfig(csv, extraSettings: $"\"maxAttachmentBytes\": 1024");
        var config = await File.ReadAllTextAsync(_ws.Config);
        await File.WriteAllTextAsync(_ws.Config, config.Replace(CliWorkspace.Json(CliWorkspace.Sample("hr", "files")), CliWorkspace.Json(files), StringComparison.Ordinal));

        var sync = await _ws.RunAsync("sync", "hr", "--json");
        var list = JsonDocument.Parse((await _ws.RunAsync("quarantine", "list", "--json")).Stdout).RootElement;

        Assert.True(sync.ExitCode == 1, sync.ToString());
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal(reason, entry.GetProperty("reason").GetString());
        Assert.Equal(3, entry.GetProperty("line").GetInt64());
        _ = Encoding.UTF8;
    }
}
