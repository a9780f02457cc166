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
    private Task _running = Task.CompletedTask;

    public void Request()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2) return;
            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state) continue;
            if (state == 0) Volatile.Write(ref _running, Task.Run(RunAsync));
            return;
        }
    }

    /// <summary>
    /// Completes once no checkpoint of ours is running or requested. A checkpoint started elsewhere meanwhile is
    /// refused at once (SQLite does not wait for the checkpoint lock), so a RESTART checkpoint waits for this first.
    /// </summary>
    public async Task WhenIdleAsync()
    {
        while (Volatile.Read(ref _state) != 0)
        {
            var running = Volatile.Read(ref _running);
            // Between the state change and the task's assignment the previous (finished) task is still there.
            if (running.IsCompleted) await Task.Yield();
            else await running.ConfigureAwait(false);
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
