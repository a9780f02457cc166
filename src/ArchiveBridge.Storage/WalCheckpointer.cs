using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage;

/// <summary>
/// Copies the write-ahead log back into the database file on a thread of its own. SQLite would otherwise do
/// it inside the commit that crosses the WAL's size limit, stalling the run's single writer while it copies
/// the pages; here the copy overlaps the next batches. Passive: it never blocks readers or the writer.
/// </summary>
internal sealed class WalCheckpointer(string connectionString)
{
    private int _state; // 0 idle, 1 running, 2 running and requested again

    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2) return;
            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state) continue;
            if (state == 0) _ = Task.Run(RunAsync);
            return;
        }
    }

    private async Task RunAsync()
    {
        do
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // Best effort: the next commit asks again, and any later connection checkpoints on its own.
            }
        }
        while (Interlocked.Decrement(ref _state) > 0);
    }
}
