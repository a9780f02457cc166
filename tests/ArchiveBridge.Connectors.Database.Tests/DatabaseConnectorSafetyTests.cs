using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core;
using ArchiveBridge.TestUtils;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

/// <summary>What stands behind the query check, and how the connector reports a database it cannot use.</summary>
public class DatabaseConnectorSafetyTests
{
    [Fact]
    public async Task ReadAsync_QueryCallingAWritingFunction_IsStoppedByTheReadOnlySession()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        await db.ExecuteAsync("CREATE SEQUENCE archive_seq");
        var connector = Create(db, OutboxSettings(db, ("table", null), ("query", "SELECT voucher_id, updated_at, nextval('archive_seq') AS n FROM archive_outbox")));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SyncAsync(connector));

        Assert.Contains("read-only transaction", error.Message);
        Assert.Equal(1, await db.CountAsync("SELECT nextval('archive_seq')"));
    }

    [Fact]
    public async Task ReadAsync_SqliteFileMissingWithoutSeedScript_FailsNamingTheFile()
    {
        using var dir = new TempDirectory();
        var connector = Create(dir.Path, new Dictionary<string, string?>
        {
            ["provider"] = "sqlite", ["connectionString"] = "Data Source=erp/outbox.db",
            ["table"] = "archive_outbox", ["key"] = "voucher_id", ["watermark"] = "updated_at",
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SyncAsync(connector));

        Assert.Contains($"cannot open the sqlite database '{dir.Combine("erp", "outbox.db")}'", error.Message);
        Assert.False(File.Exists(dir.Combine("erp", "outbox.db")));
    }

    [Fact]
    public async Task ReadAsync_TimestampTzWatermark_ResumesAndCatchesLateRows()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await db.ExecuteAsync("CREATE TABLE tz_outbox (id integer PRIMARY KEY, changed timestamptz NOT NULL)");
        await db.ExecuteAsync("INSERT INTO tz_outbox VALUES (1, '2024-03-01 09:00:00+08'), (2, '2024-03-01 09:02:00+08')");
        var connector = Create(db, OutboxSettings(db, ("table", "tz_outbox"), ("key", "id"), ("watermark", "changed")));
        var first = await SyncAsync(connector);

        await db.ExecuteAsync("INSERT INTO tz_outbox VALUES (3, '2024-03-01 09:01:00+08'), (4, '2024-03-01 09:03:00+08')");
        var second = await SyncAsync(connector, first.Checkpoint);

        Assert.Equal("2024-03-01 01:00:00Z", first.Records[0].Field("changed"));
        Assert.Equal(["3", "4"], second.Keys);
    }

    [Fact]
    public async Task AcknowledgeAsync_NowIntoTimestampTz_StoresTheInstant()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, OutboxSettings(db, ("writeBack.set.archived_at", "{now}")));
        var run = await SyncAsync(connector);

        await connector.AcknowledgeAsync([new Core.Sources.ArchivedItem(run.Records[0], "1", Core.Pipeline.RecordOutcome.Created)], CancellationToken.None);

        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM archive_outbox WHERE archived_at = '2024-03-01 04:00:00+00'"));
    }
}
