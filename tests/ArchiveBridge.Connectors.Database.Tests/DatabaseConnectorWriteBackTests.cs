using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorWriteBackTests
{
    private static Dictionary<string, string?> WithWriteBack(TestDatabase db, params (string, string?)[] overrides) =>
        OutboxSettings(db, [
            ("writeBack.set.archive_status", "ARCHIVED"),
            ("writeBack.set.archived_at", "{now}"),
            ("writeBack.set.archival_code", "{archivalCode}"),
            .. overrides]);

    private static ArchivedItem Item(SourceRecord record, RecordOutcome outcome) =>
        new(record, record.SourceKey!, outcome) { ArchivalCode = $"Z001-KU·2024-D30-CWB-{record.SourceKey!.PadLeft(4, '0')}", RecordId = "rec-" + record.SourceKey };

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task AcknowledgeAsync_ArchivedOutcomes_MarksOnlyThoseRows(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 7; id++) await db.InsertAsync(id, T0.AddMinutes(id));
        var connector = Create(db, WithWriteBack(db));
        var run = await SyncAsync(connector);
        RecordOutcome[] outcomes = [RecordOutcome.Created, RecordOutcome.Versioned, RecordOutcome.Unchanged, RecordOutcome.Duplicate, RecordOutcome.Quarantined, RecordOutcome.Failed];

        await connector.AcknowledgeAsync(outcomes.Select((o, i) => Item(run.Records[i], o)).ToList(), CancellationToken.None);

        for (var id = 1; id <= 4; id++)
        {
            var (status, archivedAt, code) = await db.GetMarksAsync(id);
            Assert.Equal("ARCHIVED", status);
            Assert.NotNull(archivedAt);
            Assert.Equal($"Z001-KU·2024-D30-CWB-000{id}", code);
        }
        for (var id = 5; id <= 7; id++) Assert.Equal(("PENDING", null, null), await db.GetMarksAsync(id));
    }

    [Fact]
    public async Task AcknowledgeAsync_NowTemplate_WritesLocalTimeWithOffset()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, WithWriteBack(db, ("writeBack.set.archival_code", "归档:{archivalCode}/{recordId}/{key}")));
        var run = await SyncAsync(connector);

        await connector.AcknowledgeAsync([Item(run.Records[0], RecordOutcome.Created)], CancellationToken.None);

        var (_, archivedAt, code) = await db.GetMarksAsync(1);
        Assert.Equal("2024-03-01 12:00:00+08:00", archivedAt);
        Assert.Equal("归档:Z001-KU·2024-D30-CWB-0001/rec-1/1", code);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task AcknowledgeAsync_Twice_SecondChangesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        await db.InsertAsync(2, T0.AddMinutes(1));
        var clock = Clock();
        var connector = Create(db, WithWriteBack(db), clock);
        var run = await SyncAsync(connector);
        var items = run.Records.Select(r => Item(r, RecordOutcome.Created)).ToList();
        await connector.AcknowledgeAsync(items, CancellationToken.None);
        var marked = await db.GetMarksAsync(1);

        clock.Advance(TimeSpan.FromHours(1));
        await connector.AcknowledgeAsync(items, CancellationToken.None);

        Assert.Equal(marked, await db.GetMarksAsync(1));
        Assert.Equal(2, await db.CountAsync("SELECT COUNT(*) FROM archive_outbox WHERE archive_status = 'ARCHIVED'"));
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_CrashBetweenCommitAndWriteBack_NextRunReadsAgainAndAcknowledges(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 3; id++) await db.InsertAsync(id, T0.AddMinutes(id));
        var connector = Create(db, WithWriteBack(db));

        // Run 1: the pipeline commits the batch and its checkpoint, then dies before AcknowledgeAsync.
        var crashed = await SyncAsync(connector);
        await db.InsertAsync(4, T0.AddMinutes(4));
        // Run 2 after restart: the unmarked rows come again (Unchanged downstream), then the new row.
        var repair = await SyncAsync(connector, crashed.Checkpoint);
        await connector.AcknowledgeAsync(repair.Records.Select(r => Item(r, r.SourceKey == "4" ? RecordOutcome.Created : RecordOutcome.Unchanged)).ToList(), CancellationToken.None);
        var after = await SyncAsync(connector, repair.Checkpoint);

        Assert.Equal(["1", "2", "3"], crashed.Keys);
        Assert.Equal(["1", "2", "3", "4"], repair.Keys);
        Assert.Equal(crashed.Checkpoint, repair.Records[2].Position);
        Assert.Equal(4, await db.CountAsync("SELECT COUNT(*) FROM archive_outbox WHERE archive_status = 'ARCHIVED'"));
        Assert.Empty(after.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_QuarantinedRowBeforeCheckpoint_IsReadAgainUntilArchived(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 3; id++) await db.InsertAsync(id, T0.AddMinutes(id));
        var connector = Create(db, WithWriteBack(db));
        var first = await SyncAsync(connector);
        await connector.AcknowledgeAsync([Item(first.Records[0], RecordOutcome.Created), Item(first.Records[1], RecordOutcome.Quarantined), Item(first.Records[2], RecordOutcome.Created)], CancellationToken.None);

        var second = await SyncAsync(connector, first.Checkpoint);
        await connector.AcknowledgeAsync([Item(second.Records[0], RecordOutcome.Created)], CancellationToken.None);
        var third = await SyncAsync(connector, second.Checkpoint);

        Assert.Equal(["2"], second.Keys);
        Assert.Empty(third.Records);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task AcknowledgeAsync_TriggerBumpsWatermark_RowComesBackOnceThenSettles(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        if (provider == TestDatabase.Sqlite)
        {
            await db.ExecuteAsync("""
                CREATE TRIGGER bump AFTER UPDATE OF archive_status ON archive_outbox
                BEGIN UPDATE archive_outbox SET updated_at = datetime(updated_at, '+1 day') WHERE voucher_id = NEW.voucher_id; END
                """);
        }
        else
        {
            await db.ExecuteAsync("""
                CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := OLD.updated_at + interval '1 day'; RETURN NEW; END $$;
                CREATE TRIGGER bump BEFORE UPDATE ON archive_outbox FOR EACH ROW EXECUTE FUNCTION bump();
                """);
        }
        await db.InsertAsync(1, T0);
        await db.InsertAsync(2, T0.AddMinutes(1));
        var connector = Create(db, WithWriteBack(db));

        var checkpoint = (string?)null;
        var reads = new List<int>();
        for (var run = 0; run < 4; run++)
        {
            var result = await SyncAsync(connector, checkpoint);
            reads.Add(result.Records.Count);
            await connector.AcknowledgeAsync(result.Records.Select(r => Item(r, run == 0 ? RecordOutcome.Created : RecordOutcome.Unchanged)).ToList(), CancellationToken.None);
            checkpoint = result.Checkpoint;
        }

        Assert.Equal([2, 2, 0, 0], reads);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task AcknowledgeAsync_KeyValueLookingLikeSql_IsBoundNotExecuted(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ExecuteAsync("CREATE TABLE coded_outbox (code TEXT PRIMARY KEY, updated_at TEXT, archive_status TEXT)");
        await db.ExecuteAsync("INSERT INTO coded_outbox VALUES ('1'' OR ''1''=''1', '2024-03-01 09:00:00', 'PENDING'), ('2', '2024-03-01 09:01:00', 'PENDING')");
        var connector = Create(db, OutboxSettings(db, ("table", "coded_outbox"), ("key", "code"), ("writeBack.set.archive_status", "ARCHIVED")));
        var run = await SyncAsync(connector);

        await connector.AcknowledgeAsync([Item(run.Records[0], RecordOutcome.Created)], CancellationToken.None);

        Assert.Equal("1' OR '1'='1", run.Records[0].SourceKey);
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM coded_outbox WHERE archive_status = 'ARCHIVED'"));
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM coded_outbox WHERE code = '2' AND archive_status = 'PENDING'"));
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task AcknowledgeAsync_QueryModeWithWriteBackTable_MarksTheTable(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, WithWriteBack(db, ("table", null),
            ("query", "SELECT voucher_id AS id, voucher_no, updated_at FROM archive_outbox WHERE archive_status <> 'VOID'"),
            ("key", "id"), ("writeBack.table", "archive_outbox"), ("writeBack.key", "voucher_id")));
        var run = await SyncAsync(connector);

        await connector.AcknowledgeAsync([Item(run.Records[0], RecordOutcome.Created)], CancellationToken.None);

        Assert.Equal("ARCHIVED", (await db.GetMarksAsync(1)).Status);
        Assert.Empty((await SyncAsync(connector, run.Checkpoint)).Records);
    }
}
