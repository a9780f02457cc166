using System.Text;
using System.Text.Json;
using ArchiveBridge.Storage.Audit;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Audit;

public sealed class AuditExporterTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ExportAsync_Jsonl_OneEntryPerLineExactlyAsStoredAndReVerifiable()
    {
        await _f.SyncAsync(new ListConnector("c1", [.. Enumerable.Range(1, 3).Select(i => Some.Record($"k{i}"))]));
        await AppendAsync("2026-01-02T03:04:05.000Z", "档案员", "note", "subject", "{\"说明\":\"中文\"}");

        var (count, text) = await ExportAsync(AuditExportFormat.Jsonl);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count, lines.Length);
        Assert.Equal(await StoreSql.ScalarAsync<long>(_f.Store, "SELECT count(*) FROM audit_log"), count);
        var prev = AuditChain.Genesis;
        foreach (var line in lines)
        {
            var e = JsonSerializer.Deserialize<AuditEntry>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Equal(prev, e.PrevHash);
            Assert.Equal(e.Hash, AuditChain.ComputeHash(e.PrevHash, e.Seq, e.At, e.Actor, e.Action, e.Subject, e.Details));
            prev = e.Hash;
        }
        Assert.Contains("\"actor\":\"档案员\"", lines[^1], StringComparison.Ordinal);
        Assert.Contains("\"details\":\"{\\\"说明\\\":\\\"中文\\\"}\"", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Csv_BomHeaderChineseAndFormulaCellsEscaped()
    {
        await AppendAsync("2026-01-02T03:04:05.000Z", "=HYPERLINK(\"http://x\")", "+add", "-rm", "{\"题名\":\"通知\"}");
        await AppendAsync("2026-01-02T03:04:06.000Z", "@SUM(A1)", "note", "普通", "{}");

        var (count, text) = await ExportAsync(AuditExportFormat.Csv, keepBom: true);

        Assert.Equal(2, count);
        Assert.StartsWith("\uFEFFseq,at,actor,action,subject,details,prev_hash,hash\r\n", text, StringComparison.Ordinal);
        var rows = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("1,2026-01-02T03:04:05.000Z,\"'=HYPERLINK(\"\"http://x\"\")\",\"'+add\",\"'-rm\",\"{\"\"题名\"\":\"\"通知\"\"}\",", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("2,2026-01-02T03:04:06.000Z,\"'@SUM(A1)\",note,普通,{},", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Period_OnlyEntriesFromInclusiveToExclusive()
    {
        await AppendAsync("2026-01-01T23:59:59.999Z", "a", "x", "s", "{}");
        await AppendAsync("2026-01-02T00:00:00.000Z", "b", "x", "s", "{}");
        await AppendAsync("2026-01-02T12:00:00.000Z", "c", "x", "s", "{}");
        await AppendAsync("2026-01-03T00:00:00.000Z", "d", "x", "s", "{}");

        var (count, text) = await ExportAsync(AuditExportFormat.Jsonl,
            from: new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, count);
        Assert.Contains("\"actor\":\"b\"", text, StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"c\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"actor\":\"d\"", text, StringComparison.Ordinal);
    }

    private async Task<(long Count, string Text)> ExportAsync(AuditExportFormat format, DateTimeOffset? from = null, DateTimeOffset? to = null, bool keepBom = false)
    {
        using var buffer = new MemoryStream();
        var count = await new AuditExporter(_f.Store).ExportAsync(buffer, format, from, to, CancellationToken.None);
        var bytes = buffer.ToArray();
        if (format == AuditExportFormat.Csv) Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        else Assert.NotEqual(0xEF, bytes.FirstOrDefault());
        return (count, keepBom ? new UTF8Encoding(false).GetString(bytes) : Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Appends through the store's own writer, so the chain stays valid.</summary>
    private async Task AppendAsync(string at, string actor, string action, string subject, string details)
    {
        await using var c = await _f.Store.OpenAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        await AuditWriter.AppendAsync(c, tx, at, actor, action, subject, details, CancellationToken.None);
        await tx.CommitAsync();
    }
}
