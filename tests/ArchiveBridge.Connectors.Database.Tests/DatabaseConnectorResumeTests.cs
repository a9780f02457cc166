using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorResumeTests
{
    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_FromCheckpoint_ReadsOnlyNewAndUpdatedRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 4; id++) await db.InsertAsync(id, T0.AddHours(id));
        var connector = Create(db, OutboxSettings(db, ("batchSize", "2")));
        var first = await SyncAsync(connector);

        await db.InsertAsync(5, T0.AddHours(5));
        await db.UpdateAsync(2, T0.AddHours(6));
        var second = await SyncAsync(connector, first.Checkpoint);
        var third = await SyncAsync(connector, second.Checkpoint);

        Assert.Equal(["1", "2", "3", "4"], first.Keys);
        Assert.Equal(["5", "2"], second.Keys);
        Assert.Equal("报销差旅费 2（更正）", second.Records[1].Field("summary"));
        Assert.Empty(third.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_IntegerIdWatermark_ResumesAfterLastId(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 5; id++) await db.InsertAsync(id, updatedAt: null);
        var connector = Create(db, OutboxSettings(db, ("watermark", "voucher_id"), ("batchSize", "2")));
        var first = await SyncAsync(connector);

        await db.InsertAsync(6, null);
        await db.InsertAsync(7, null);
        var second = await SyncAsync(connector, first.Checkpoint);

        Assert.Equal(["1", "2", "3", "4", "5"], first.Keys);
        Assert.Equal(["6", "7"], second.Keys);
        Assert.DoesNotContain("\"seen\"", second.Checkpoint);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_OverlapOnIdWatermark_FailsNamingTheSetting(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, null);
        var connector = Create(db, OutboxSettings(db, ("watermark", "voucher_id"), ("overlap", "00:05:00")));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => SyncAsync(connector));

        Assert.Equal("connectors[0].settings.overlap", error.Field);
        Assert.Contains("'voucher_id' holds '1'", error.Message);
    }

    [Theory, InlineData(TestDatabase.Sqlite, "00:05:00"), InlineData(TestDatabase.PostgreSql, "00:05:00"),
     InlineData(TestDatabase.Sqlite, "00:00:00"), InlineData(TestDatabase.PostgreSql, "00:00:00")]
    public async Task ReadAsync_EqualTimestampsAcrossPagesAndRuns_NoRowLostOrRepeated(string provider, string overlap)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        foreach (var id in new[] { 5, 3, 1, 4, 2 }) await db.InsertAsync(id, T0);
        await db.InsertAsync(6, T0.AddSeconds(1));
        var connector = Create(db, OutboxSettings(db, ("batchSize", "2"), ("overlap", overlap)));

        var first = await SyncAsync(connector, limit: 3);
        var second = await SyncAsync(connector, first.Checkpoint);
        var third = await SyncAsync(connector, second.Checkpoint);

        Assert.Equal(["1", "2", "3"], first.Keys);
        Assert.Equal(["4", "5", "6"], second.Keys);
        Assert.Empty(third.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_RowCommittedLateInsideOverlap_IsReadOnceWithoutRepeatingSeenRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        await db.InsertAsync(2, T0.AddMinutes(1));
        await db.InsertAsync(3, T0.AddMinutes(2));
        var connector = Create(db, OutboxSettings(db));
        var first = await SyncAsync(connector);

        // A transaction stamped 09:01:30 commits after the run above read past 09:02.
        await db.InsertAsync(9, T0.AddSeconds(90));
        var second = await SyncAsync(connector, first.Checkpoint);
        var third = await SyncAsync(connector, second.Checkpoint);

        Assert.Equal(["1", "2", "3"], first.Keys);
        Assert.Equal(["9"], second.Keys);
        Assert.Empty(third.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_RowUpdatedDuringRun_IsReadAgainInTheSameRunWithNewToken(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 6; id++) await db.InsertAsync(id, T0.AddHours(id));
        var connector = Create(db, OutboxSettings(db, ("batchSize", "2")));
        var records = new List<Core.Sources.SourceRecord>();

        await foreach (var record in connector.ReadAsync(new Core.Sources.ReadContext { RunId = "r1" }, CancellationToken.None))
        {
            records.Add(record);
            // The ERP edits voucher 1 while the run is on the second page: no page is held open, so nothing blocks it.
            if (records.Count == 3) await db.UpdateAsync(1, T0.AddHours(7));
        }
        var next = await SyncAsync(connector, records[^1].Position);

        Assert.Equal(["1", "2", "3", "4", "5", "6", "1"], records.Select(r => r.SourceKey));
        Assert.NotEqual(records[0].ChangeToken, records[^1].ChangeToken);
        Assert.Empty(next.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_CheckpointForAnotherWatermark_ReadsFromTheStart(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 3; id++) await db.InsertAsync(id, T0.AddHours(id));
        var byId = await SyncAsync(Create(db, OutboxSettings(db, ("watermark", "voucher_id"))));

        var byTime = await SyncAsync(Create(db, OutboxSettings(db)), byId.Checkpoint);

        Assert.Equal(["1", "2", "3"], byTime.Keys);
    }

    [Fact]
    public async Task ReadAsync_ForeignCheckpoint_FailsTheRunWithTheCheckpointInTheMessage()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await db.CreateOutboxAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SyncAsync(Create(db, OutboxSettings(db)), "line:42"));

        Assert.Contains("'line:42' was not written by a database connector", error.Message);
        Assert.Equal("erp-db", error.ConnectorId);
    }
}
