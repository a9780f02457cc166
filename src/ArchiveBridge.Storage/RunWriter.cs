using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage;

/// <summary>
/// One run's connection and open write transaction. Batches are written as they come; a commit makes all
/// of them durable with the last batch's checkpoint and renews the run's lease in the same transaction (a
/// lease renewed on another connection would wait for this transaction's lock).
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

    private RunWriter(SqliteConnection connection, RunContext run, BatchCommitter committer, TimeProvider time, WalCheckpointer checkpointer, long initialLoadAfter)
    {
        _initialLoadAfter = initialLoadAfter;
        _connection = connection;
        _run = run;
        _committer = committer;
        _time = time;
        _checkpointer = checkpointer;
    }

    public int Uncommitted { get; private set; }

    public static async Task<RunWriter> OpenAsync(ArchiveStore store, RunContext run, IArchivalCodeScheme codes, TimeProvider time,
        WalCheckpointer checkpointer, int cacheMiB, CommitDurability durability, long initialLoadAfter, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
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
            await using var pragma = Sql.Command(connection, null, $"PRAGMA cache_size = -{kib}; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = {synchronous};");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new RunWriter(connection, run, new BatchCommitter(connection, codes, time), time, checkpointer, initialLoadAfter);
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
        _checkpointer.Request();
    }

    public async ValueTask DisposeAsync()
    {
        // Not committed means not decided: the rollback leaves the store as the last commit left it.
        if (_tx is not null) await _tx.DisposeAsync().ConfigureAwait(false);
        try
        {
            // The connection goes back to the pool: its next user checkpoints as SQLite normally does.
            await using var pragma = Sql.Command(_connection, null, "PRAGMA wal_autocheckpoint = 1000; PRAGMA cache_size = -2000; PRAGMA synchronous = FULL");
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
