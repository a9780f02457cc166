using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

/// <summary>Names that pass the pattern must still exist in the database's own schema before any SQL uses them.</summary>
public class SchemaBinderTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite, "table", "archive_inbox", "table 'archive_inbox' does not exist")]
    [InlineData(TestDatabase.PostgreSql, "table", "archive_inbox", "table 'archive_inbox' does not exist")]
    [InlineData(TestDatabase.Sqlite, "key", "voucher_idx", "column 'voucher_idx' does not exist in archive_outbox; its columns are: voucher_id, voucher_no")]
    [InlineData(TestDatabase.PostgreSql, "key", "voucher_idx", "column 'voucher_idx' does not exist in archive_outbox; its columns are: voucher_id, voucher_no")]
    [InlineData(TestDatabase.Sqlite, "watermark", "修改时间", "column '修改时间' does not exist in archive_outbox")]
    [InlineData(TestDatabase.PostgreSql, "blobColumn", "scan", "column 'scan' does not exist in archive_outbox")]
    [InlineData(TestDatabase.PostgreSql, "writeBack.set.archive_state", "ARCHIVED", "column 'archive_state' does not exist in write-back table archive_outbox")]
    [InlineData(TestDatabase.Sqlite, "writeBack.set.archive_state", "ARCHIVED", "column 'archive_state' does not exist in write-back table archive_outbox")]
    public async Task ReadAsync_NameMissingFromSchema_FailsNamingSettingAndValue(string provider, string setting, string value, string message)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        var connector = Create(db, OutboxSettings(db, (setting, value)));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => SyncAsync(connector));

        Assert.Equal($"connectors[0].settings.{setting}", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_QueryWithoutTheKeyColumn_FailsNamingTheQueryColumns(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        var connector = Create(db, OutboxSettings(db, ("table", null), ("query", "SELECT voucher_no, updated_at FROM archive_outbox")));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => SyncAsync(connector));

        Assert.Equal("connectors[0].settings.key", error.Field);
        Assert.Contains("column 'voucher_id' does not exist in query; its columns are: voucher_no, updated_at", error.Message);
    }

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_QueryThatFails_ReportsTheDatabaseError(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        var connector = Create(db, OutboxSettings(db, ("table", null), ("query", "SELECT voucher_id, updated_at FROM no_such_table")));

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => SyncAsync(connector));

        Assert.Equal("connectors[0].settings.query", error.Field);
        Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NamesInOtherCase_MatchPostgresFoldedNames()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, OutboxSettings(db, ("table", "Archive_Outbox"), ("key", "VOUCHER_ID"), ("watermark", "Updated_At")));

        var run = await SyncAsync(connector);

        Assert.Equal(["1"], run.Keys);
    }

    [Fact]
    public async Task ReadAsync_SchemaQualifiedTable_IsFound()
    {
        await using var db = (PostgresTestDatabase)await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0);
        var connector = Create(db, OutboxSettings(db, ("table", $"{db.Schema}.archive_outbox")));

        Assert.Equal(["1"], (await SyncAsync(connector)).Keys);
    }

    [Fact]
    public async Task ReadAsync_UnreachableServer_FailsAsConnectorErrorWithoutThePassword()
    {
        using var dir = new TestUtils.TempDirectory();
        var connector = Create(dir.Path, new Dictionary<string, string?>
        {
            ["provider"] = "postgresql", ["connectionString"] = "Host=127.0.0.1;Port=1;Username=erp;Password=s3cret;Timeout=2",
            ["table"] = "archive_outbox", ["key"] = "voucher_id", ["watermark"] = "updated_at",
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => SyncAsync(connector));

        Assert.Contains("cannot open the postgresql database", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }
}
