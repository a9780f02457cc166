using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Storage.Audit;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Tests.Inbox;

public sealed class WebhookReceiptAuditTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
    private readonly StoreFixture _f = new();
    private readonly WebhookReceiptAudit _audit;

    public WebhookReceiptAuditTests() => _audit = new WebhookReceiptAudit(_f.Store, TimeProvider.System);

    public void Dispose() => _f.Dispose();

    private static InboxEntry Entry(int i, InboxAuditState audit = InboxAuditState.NotWritten) =>
        new(i, $"ID{i:D4}", "oa-push", $"msg_{i}", $$"""{"编号":"OA-{{i}}"}""", 0, Received) { Audit = audit };

    /// <summary>Every listed receipt of every <c>webhook.received</c> entry, in chain order.</summary>
    private async Task<List<JsonElement>> ReceiptsAsync()
    {
        await using var connection = new SqliteConnection(_f.Store.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT details FROM audit_log WHERE action = 'webhook.received' ORDER BY seq";
        var receipts = new List<JsonElement>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            receipts.AddRange(JsonSerializer.Deserialize<JsonElement>(reader.GetString(0)).GetProperty("entries").EnumerateArray());
        return receipts;
    }

    [Fact]
    public async Task RecordAsync_UnwrittenEntries_OneChainEntryListingEachWithItsBodyDigest()
    {
        await _audit.RecordAsync([Entry(1), Entry(2)], CancellationToken.None);

        var receipts = await ReceiptsAsync();
        Assert.Equal(["ID0001", "ID0002"], receipts.Select(r => r.GetProperty("id").GetString()));
        var first = receipts[0];
        Assert.Equal(("oa-push", "msg_1", "2026-03-02T08:30:00.000Z"),
            (first.GetProperty("connector").GetString(), first.GetProperty("webhookId").GetString(), first.GetProperty("receivedAt").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"编号":"OA-1"}"""))), first.GetProperty("sha256").GetString());
        Assert.True((await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task RecordAsync_ClaimedEntriesOneAlreadyInTheChain_ListsOnlyTheOther()
    {
        // A crash after the chain got entry 1 but before the inbox marked it written: both come back claimed.
        await _audit.RecordAsync([Entry(1)], CancellationToken.None);

        await _audit.RecordAsync([Entry(1, InboxAuditState.Claimed), Entry(2, InboxAuditState.Claimed)], CancellationToken.None);
        await _audit.RecordAsync([Entry(1, InboxAuditState.Claimed), Entry(2, InboxAuditState.Claimed)], CancellationToken.None);

        Assert.Equal(["ID0001", "ID0002"], (await ReceiptsAsync()).Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task RecordAsync_AllWritten_AppendsNothing()
    {
        await _audit.RecordAsync([Entry(1, InboxAuditState.Written)], CancellationToken.None);

        Assert.Empty(await ReceiptsAsync());
    }
}
