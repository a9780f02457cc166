using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests;

public sealed class WalRestartTests
{
    [Fact]
    public async Task Sync_LoadManyTimesTheRestartSize_KeepsTheWalFileNearThatSize()
    {
        // A 256 KiB restart size and a commit every 100 records of about 2 KB: megabytes pass through the log.
        using var f = new StoreFixture(batchSize: 100, commitRecords: 100, walRestartBytes: 256 * 1024);
        // An idle connection keeps the log file there after the run (the last connection to close removes it).
        await using var idle = await f.Store.OpenAsync(CancellationToken.None);
        await using (var read = idle.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            await read.ExecuteScalarAsync();
        }
        var records = Enumerable.Range(1, 3000).Select(i => Some.Record($"k{i}", title: $"{i} " + new string('档', 300))).ToList();

        var summary = await f.SyncAsync(new ListConnector("c1", records));

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.Equal(3000, summary.Counts.Created);
        var database = new FileInfo(Path.Combine(f.Directory, "archive.db")).Length;
        var wal = new FileInfo(Path.Combine(f.Directory, "archive.db-wal")).Length;
        // Grown, the log would hold every page the load wrote; started over, it never holds much more than the
        // restart size plus one commit.
        Assert.True(database > 5L * 1024 * 1024, $"database {database} bytes");
        Assert.True(wal < 1024L * 1024, $"WAL {wal} bytes beside a {database}-byte database");
        Assert.Equal(3000, await f.ScalarAsync("SELECT count(*) FROM records"));
    }

    [Fact]
    public async Task WalCheckpointer_WhenIdle_LeavesTheCheckpointLockFreeForARestart()
    {
        // SQLite refuses a checkpoint at once while another holds the checkpoint lock: the restart must wait for ours.
        using var f = new StoreFixture(batchSize: 100, commitRecords: 100, walRestartBytes: 1L << 40);
        await f.SyncAsync(new ListConnector("c1", [.. Enumerable.Range(1, 2000).Select(i => Some.Record($"k{i}", title: new string('档', 300)))]));
        var connectionString = $"Data Source={Path.Combine(f.Directory, "archive.db")};Pooling=False";
        // The store's own checkpointer: the run's end asked it for one more copy, which may still be under way.
        var checkpointer = f.Store.Checkpointer;

        checkpointer.Request();
        await checkpointer.WhenIdleAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var restart = connection.CreateCommand();
        restart.CommandText = "PRAGMA wal_checkpoint(RESTART)";
        await using var reader = await restart.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(0L, reader.GetInt64(0)); // not busy
    }
}
