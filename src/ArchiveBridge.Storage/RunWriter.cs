using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage;

/// <summary>
/// One run's connection and open write transaction. Batches are written as they come; a commit makes all
/// of them durable with the last batch's checkpoint and renews the run's lease in the same transaction (a
/// lease renewed on another connection would wait for this transaction's lock).
/// <para>
/// The write-ahead log is started over once it holds <see cref="DefaultWalRestartBytes"/>: left to grow, a million-record
/// load writes every page twice into new file space (the log, then the database), and on a virtual machine new file
/// space is new memory to the host, which costs the kernel more to fill than writing the bytes. A log started over
/// rewrites the same pages of the same file (measured: kernel time per record 11 → 6 µs, 40.6k → 46.5k records/s).
/// It takes a checkpoint that waits for the last commit's pages to be copied and synced: the commits just before it
/// are kept small (<see cref="CommitRecords"/>), which took each restart from ~200 ms to ~30 ms (50.4k → 53.3k).
/// </para>
/// </summary>
internal sealed class RunWriter : IRunWriter
{
    private readonly SqliteConnection _connection;
    private readonly BatchCommitter _committer;
    private readonly RunContext _run;
    private readonly TimeProvider _time;
    private readonly WalCheckpointer _checkpointer;
    private SqliteTransaction? _tx;
    private readonly long _initialLoadAfter;
    private readonly Sqlite.WalFrameCounter _walFrames;
    private readonly int _restartFrames;
    private int _nextRestartFrames;

    /// <summary>The log size at which the writer starts it over, unless the store says otherwise.</summary>
    internal const long DefaultWalRestartBytes = 256L * 1024 * 1024;

    /// <summary>How long a restart waits for the checkpointer or for readers of older pages before it gives up for now.</summary>
    private static readonly TimeSpan RestartWait = TimeSpan.FromSeconds(1);

    private RunWriter(SqliteConnection connection, RunContext run, BatchCommitter committer, TimeProvider time, WalCheckpointer checkpointer, long initialLoadAfter,
        long walRestartBytes, int pageSize)
    {
        _walFrames = new Sqlite.WalFrameCounter(connection);
        _nextRestartFrames = _restartFrames = (int)Math.Clamp(walRestartBytes / pageSize, 1, int.MaxValue);
        _initialLoadAfter = initialLoadAfter;
        _connection = connection;
        _run = run;
        _committer = committer;
        _time = time;
        _checkpointer = checkpointer;
    }

    public int Uncommitted { get; private set; }

    /// <summary>
    /// Records per commit once the log is three quarters of the way to a restart: the restart waits for the last
    /// commit's pages to be copied and synced, so the commit before it is kept small.
    /// </summary>
    internal const int CommitRecordsBeforeRestart = 5_000;

    public int? CommitRecords => _walFrames.Frames >= _nextRestartFrames - _restartFrames / 4 ? CommitRecordsBeforeRestart : null;

    public static async Task<RunWriter> OpenAsync(ArchiveStore store, RunContext run, IArchivalCodeScheme codes, TimeProvider time,
        WalCheckpointer checkpointer, int cacheMiB, CommitDurability durability, long initialLoadAfter, long walRestartBytes, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int pageSize;
        try
        {
            // A run touches every index of a growing table: a larger page cache keeps them in memory. The WAL is
            // copied back into the database by the checkpointer on another thread, not inside our commits. A
            // deferred commit is not synced to disk (synchronous NORMAL): a sync waits for every page the commit
            // group wrote, a third of the commit time at a million records, on the one thread that writes. The next
            // synced write on any connection (the checkpointer, the run's end) makes it durable: a sync covers the
            // whole WAL file.
            var kib = Math.Max(2, cacheMiB) * 1024L;
            var synchronous = durability == CommitDurability.Deferred ? "NORMAL" : "FULL";
            // The log file keeps its size when it starts over (not cut back to Sql.WalSizeLimitBytes), so the
            // restarted log reuses its pages rather than growing into new ones again.
            await using var pragma = Sql.Command(connection, null,
                $"PRAGMA cache_size = -{kib}; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = {synchronous}; PRAGMA journal_size_limit = {2 * walRestartBytes};");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var size = Sql.Command(connection, null, "PRAGMA page_size");
            pageSize = Convert.ToInt32(await size.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new RunWriter(connection, run, new BatchCommitter(connection, codes, time), time, checkpointer, initialLoadAfter, walRestartBytes, pageSize);
    }

    public async Task WriteAsync(IReadOnlyList<PreparedRecord> batch, string? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _tx ??= (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _committer.WriteAsync(_tx, _run, batch, checkpoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A batch the store refuses halfway leaves the transaction unusable: everything since the last commit
            // is rolled back (a savepoint per batch would cost a third of the write speed). The checkpoint stays at
            // the last commit, so the next run reads those records again.
            await _tx.DisposeAsync().ConfigureAwait(false);
            _tx = null;
            Uncommitted = 0;
            _committer.RolledBack();
            throw;
        }
        Uncommitted += batch.Count;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_tx is null) return;
        try
        {
            await _committer.FlushSequencesAsync(_tx, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            await _committer.TryBeginInitialLoadAsync(_tx, _run, _initialLoadAfter, StoreTime.ToText(now), cancellationToken).ConfigureAwait(false);
            await using (var lease = Sql.Command(_connection, _tx, "UPDATE leases SET expires_at = $expires WHERE name = $name AND holder LIKE $holder"))
            {
                Sql.Add(lease, "$expires", StoreTime.ToText(now + ArchiveStore.LeaseDuration));
                Sql.Add(lease, "$name", ArchiveStore.LeaseName(_run.ConnectorId));
                Sql.Add(lease, "$holder", $"run {_run.RunId}%");
                await lease.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await _tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _committer.Committed();
        }
        catch
        {
            _committer.RolledBack();
            throw;
        }
        finally
        {
            // Committed or not, this transaction is over; a failed one is rolled back by its disposal.
            await _tx.DisposeAsync().ConfigureAwait(false);
            _tx = null;
            Uncommitted = 0;
        }
        if (_walFrames.Frames >= _nextRestartFrames) await RestartWalAsync(cancellationToken).ConfigureAwait(false);
        else _checkpointer.Request();
    }

    /// <summary>
    /// Copies the whole log into the database and has the next commit write it from the start (a RESTART checkpoint,
    /// between transactions). Readers still on older pages can hold the restart off: then the log goes on growing
    /// and the writer tries again once it has grown by as much again.
    /// </summary>
    private async Task RestartWalAsync(CancellationToken cancellationToken)
    {
        var restarted = false;
        // The copy of the last commits may still be under way on the checkpointer's thread: it is half of our work.
        await _checkpointer.WhenIdleAsync().ConfigureAwait(false);
        await SetBusyTimeoutAsync(RestartWait, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var restart = Sql.Command(_connection, null, "PRAGMA wal_checkpoint(RESTART)");
            await using var reader = await restart.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            // One row: busy (1 when readers or another checkpoint held it off), frames in the log, frames copied.
            restarted = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) == 0;
        }
        finally
        {
            // Not cancellable: the connection goes back to the pool with the store's usual timeout.
            await SetBusyTimeoutAsync(ArchiveStore.BusyTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        _nextRestartFrames = restarted ? _restartFrames : _walFrames.Frames + _restartFrames;
    }

    private async Task SetBusyTimeoutAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var pragma = Sql.Command(_connection, null, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Not committed means not decided: the rollback leaves the store as the last commit left it.
        if (_tx is not null) await _tx.DisposeAsync().ConfigureAwait(false);
        _walFrames.Dispose();
        try
        {
            // The connection goes back to the pool: its next user checkpoints as SQLite normally does.
            await using var pragma = Sql.Command(_connection, null, "PRAGMA wal_autocheckpoint = 1000; PRAGMA cache_size = -2000; PRAGMA synchronous = FULL; " +
                $"PRAGMA journal_size_limit = {Sql.WalSizeLimitBytes}");
            await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // a broken connection is not reused anyway
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
        _checkpointer.Request();
    }
}
