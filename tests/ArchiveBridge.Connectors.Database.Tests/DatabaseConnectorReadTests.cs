using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorReadTests
{
    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_FirstRun_ReadsEveryRowOrderedByWatermarkThenKey(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(3, T0.AddMinutes(1));
        await db.InsertAsync(1, T0.AddMinutes(2));
        await db.InsertAsync(2, T0.AddMinutes(1));
        await db.InsertAsync(4, T0);

        var run = await SyncAsync(Create(db, OutboxSettings(db, ("batchSize", "2"))));

        Assert.Equal(["4", "2", "3", "1"], run.Keys);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_Row_BecomesFlatRecordWithKeyTokenAndPosition(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(7, T0, department: "财务部");
        await db.InsertAsync(8, T0.AddMinutes(1), department: "审计部");

        var run = await SyncAsync(Create(db, OutboxSettings(db)));

        var record = run.Records[0];
        Assert.Equal("7", record.SourceKey);
        Assert.Equal("7", record.Field("voucher_id"));
        Assert.Equal("记字第07号", record.Field("voucher_no"));
        Assert.Equal("财务部", record.Field("department"));
        Assert.Equal("2024-03-01 09:00:00", record.Field("updated_at"));
        Assert.StartsWith("2024-03-01 09:00:00#", record.ChangeToken);
        Assert.Null(record.LineNumber);
        Assert.Equal("archive_outbox voucher_id=7", record.Location);
        Assert.NotNull(record.Position);
        Assert.NotEqual(record.Position, run.Records[1].Position);
        var fields = Assert.IsType<FlatSourceFields>(record.Fields);
        Assert.Same(fields.Header, ((FlatSourceFields)run.Records[1].Fields).Header);
        Assert.Equal("archive_status", fields.Header.Names[8]);
        Assert.Empty(record.Attachments);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_RowEditedWithoutNewWatermark_ChangesChangeToken(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, OutboxSettings(db));
        var before = (await SyncAsync(connector)).Records[0].ChangeToken;

        await db.ExecuteAsync("UPDATE archive_outbox SET summary = '改过的摘要' WHERE voucher_id = 1");
        var after = (await SyncAsync(connector, full: true)).Records[0].ChangeToken;

        Assert.NotEqual(before, after);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_Limit_StopsAfterLimitRecords(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 7; id++) await db.InsertAsync(id, T0.AddMinutes(id));

        var run = await SyncAsync(Create(db, OutboxSettings(db, ("batchSize", "3"))), limit: 4);

        Assert.Equal(["1", "2", "3", "4"], run.Keys);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_Full_IgnoresCheckpointAndReadsEverything(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        for (var id = 1; id <= 3; id++) await db.InsertAsync(id, T0.AddHours(id));
        var connector = Create(db, OutboxSettings(db));
        var first = await SyncAsync(connector);

        var full = await SyncAsync(connector, first.Checkpoint, full: true);

        Assert.Equal(["1", "2", "3"], full.Keys);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_QueryMode_ReadsOnlyTheQueryRowsAndResumes(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0, department: "财务部");
        await db.InsertAsync(2, T0.AddHours(1), department: "人事部");
        await db.InsertAsync(3, T0.AddHours(2), department: "财务部");
        var settings = OutboxSettings(db, ("table", null),
            ("query", "SELECT voucher_id, voucher_no, summary AS 摘要, updated_at FROM archive_outbox WHERE department = '财务部' -- 只归档财务部;"));
        var connector = Create(db, settings);

        var first = await SyncAsync(connector);
        await db.InsertAsync(4, T0.AddHours(3), department: "财务部");
        await db.InsertAsync(5, T0.AddHours(4), department: "人事部");
        var second = await SyncAsync(connector, first.Checkpoint);

        Assert.Equal(["1", "3"], first.Keys);
        Assert.Equal("报销差旅费 1", first.Records[0].Field("摘要"));
        Assert.Null(first.Records[0].Field("department"));
        Assert.Equal("query voucher_id=1", first.Records[0].Location);
        Assert.Equal(["4"], second.Keys);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_NullWatermarkOrKey_YieldedEveryRunKeyProblemQuarantines(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ExecuteAsync("CREATE TABLE loose_outbox (voucher_code TEXT, summary TEXT, updated_at TEXT)");
        await db.ExecuteAsync("INSERT INTO loose_outbox VALUES ('A', '有时间', '2024-03-01 09:00:00'), ('B', '缺时间', NULL), (NULL, '缺主键', '2024-03-01 09:30:00')");
        var connector = Create(db, OutboxSettings(db, ("table", "loose_outbox"), ("key", "voucher_code")));

        var first = await SyncAsync(connector);
        var second = await SyncAsync(connector, first.Checkpoint);

        Assert.Equal("A", first.Keys[0]);
        Assert.Equal(3, first.Records.Count);
        Assert.Contains(first.Records, r => r.SourceKey == "B" && r.Problem is null);
        var keyless = Assert.Single(first.Records, r => r.SourceKey is null);
        Assert.Equal(ReasonCodes.MissingField, keyless.Problem?.Reason);
        Assert.Equal("voucher_code", keyless.Problem?.Field);
        Assert.Equal(first.Records[0].Position, first.Checkpoint);
        Assert.Equal(2, second.Records.Count);
        Assert.Equal(first.Checkpoint, second.Checkpoint);
    }
}
