using ArchiveBridge.Storage.Inbox;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Tests.Inbox;

/// <summary>An upgrade: the inbox used to be a table of the archive; what it still holds moves to the inbox file.</summary>
public sealed class LegacyInboxImportTests : IDisposable
{
    private readonly StoreFixture _f = new();
    private readonly InboxDatabase _inbox;

    public LegacyInboxImportTests()
    {
        _inbox = new InboxDatabase(Path.Combine(_f.Directory, "inbox.db"));
        _inbox.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose() => _f.Dispose();

    private async Task ArchiveExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_f.Store.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<long> ArchiveCountAsync()
    {
        await using var connection = new SqliteConnection(_f.Store.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM webhook_inbox";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private Task SeedOldTableAsync() => ArchiveExecuteAsync("""
        INSERT INTO webhook_inbox (id, connector_id, webhook_id, received_at, body, status, attempts, next_attempt_at, processed_at, error) VALUES
          ('A1', 'oa-push', 'm1', '2026-03-01T08:00:00.000Z', '{"n":1}', 'processed', 0, NULL, '2026-03-01T08:00:01.000Z', NULL),
          ('A2', 'oa-push', 'm2', '2026-03-01T08:00:02.000Z', '{"n":2}', 'quarantined', 8, NULL, NULL, 'mapping failed'),
          ('A3', 'oa-push', 'm3', '2026-03-01T08:00:03.000Z', '{"n":3}', 'pending', 1, '2026-03-01T08:10:00.000Z', NULL, 'busy')
        """);

    [Fact]
    public async Task ImportAsync_RowsInTheArchiveTable_MovedInOrderWithTheirStateAndGoneFromTheArchive()
    {
        await SeedOldTableAsync();

        var moved = await LegacyInboxImport.ImportAsync(_f.Store, _inbox, CancellationToken.None);

        Assert.Equal(3, moved);
        Assert.Equal(0, await ArchiveCountAsync());
        var store = new WebhookInboxStore(_inbox, TimeProvider.System);
        var listed = await store.ListAsync("oa-push", null, 10, CancellationToken.None);
        Assert.Equal(["A3/pending/1/busy", "A2/quarantined/8/mapping failed", "A1/processed/0/"],
            listed.Select(e => $"{e.Id}/{e.Status}/{e.Attempts}/{e.Error}"));
        var pending = Assert.Single(await store.LoadPendingAsync("oa-push", 10, CancellationToken.None));
        // Receipts of the old table were audited when they arrived.
        Assert.Equal(("m3", "{\"n\":3}", InboxAuditState.Written), (pending.WebhookId, pending.Body, pending.Audit));
    }

    [Fact]
    public async Task ImportAsync_CrashBeforeTheArchiveRowsWereDeleted_CopiesAgainWithoutDuplicates()
    {
        await SeedOldTableAsync();
        await LegacyInboxImport.ImportAsync(_f.Store, _inbox, CancellationToken.None);
        await SeedOldTableAsync();

        await LegacyInboxImport.ImportAsync(_f.Store, _inbox, CancellationToken.None);

        Assert.Equal(3, (await new WebhookInboxStore(_inbox, TimeProvider.System).ListAsync(null, null, 10, CancellationToken.None)).Count);
        Assert.Equal(0, await ArchiveCountAsync());
    }

    [Fact]
    public async Task ImportAsync_OldTableDropped_MovesNothing()
    {
        await ArchiveExecuteAsync("DROP TABLE webhook_inbox");

        Assert.Equal(0, await LegacyInboxImport.ImportAsync(_f.Store, _inbox, CancellationToken.None));
    }
}
