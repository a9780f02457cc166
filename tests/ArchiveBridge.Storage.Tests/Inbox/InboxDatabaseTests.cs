using ArchiveBridge.Core;
using ArchiveBridge.Storage.Inbox;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Tests.Inbox;

public sealed class InboxDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static async Task<long> ScalarAsync(InboxDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task InitializeAsync_Twice_CreatesFolderAndSchemaOnceKeepingRows()
    {
        var db = new InboxDatabase(_dir.Combine("queue", "inbox.db"));
        await db.InitializeAsync(CancellationToken.None);
        await new WebhookInboxStore(db, TimeProvider.System).AppendAsync([new InboxAppend("oa", "m1", "{}", TimeSpan.FromDays(1))], CancellationToken.None);

        await db.InitializeAsync(CancellationToken.None);

        Assert.Equal(1, await ScalarAsync(db, "SELECT COUNT(*) FROM webhook_inbox"));
        Assert.Equal(InboxDatabase.SchemaVersion, await ScalarAsync(db, "PRAGMA user_version"));
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_FileOfNewerSchema_RefusesNamingTheFile()
    {
        var db = new InboxDatabase(_dir.Combine("inbox.db"));
        await db.InitializeAsync(CancellationToken.None);
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"PRAGMA user_version = {InboxDatabase.SchemaVersion + 1}";
            await cmd.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InitializeAsync(CancellationToken.None));

        Assert.Contains(db.Path, ex.Message);
    }

    [Fact]
    public void ResolvePath_NotConfigured_InboxDbBesideTheArchive()
    {
        var path = InboxDatabase.ResolvePath(null, "Data Source=/srv/ab/data/archive.db;Default Timeout=120", "/etc/ab/archivebridge.json");

        Assert.Equal(Path.GetFullPath("/srv/ab/data/inbox.db"), path);
    }

    [Fact]
    public void ResolvePath_Configured_RelativeToTheConfigFile()
    {
        var path = InboxDatabase.ResolvePath("queue/webhooks.db", "Data Source=/srv/ab/data/archive.db", "/etc/ab/archivebridge.json");

        Assert.Equal(Path.GetFullPath("/etc/ab/queue/webhooks.db"), path);
    }

    [Fact]
    public void ResolvePath_InMemoryArchiveAndNothingConfigured_ErrorNamesTheField()
    {
        var ex = Assert.Throws<ConfigurationException>(() => InboxDatabase.ResolvePath(null, "Data Source=:memory:", "/etc/ab/archivebridge.json"));

        Assert.Contains("store.inbox", ex.Message);
    }
}
