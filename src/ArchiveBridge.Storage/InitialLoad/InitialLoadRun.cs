using ArchiveBridge.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.InitialLoad;

/// <summary>
/// One run's side of an initial load (<see cref="DeferredIndexes"/>): whether and when it switches, and the exact key
/// maps it decides from while the indexes are down. The switch is made inside the run's open transaction and counts
/// only once that transaction commits.
/// </summary>
internal sealed class InitialLoadRun(SqliteConnection connection)
{
    private enum State { None, Deferring, Loading }

    /// <summary>The writer's page cache while the indexes are down.</summary>
    private const int LoadingCacheKiB = 32 * 1024;

    private State _state;
    private InitialLoadKeys? _keys;
    private bool _ruledOut;
    private long _inserted;

    /// <summary>The key maps while the indexes are down (read from the store when missing, e.g. after a rollback); null otherwise.</summary>
    public async Task<InitialLoadKeys?> KeysAsync(SqliteTransaction tx, CancellationToken ct) =>
        _state == State.None ? null : _keys ??= await InitialLoadKeys.ReadAsync(connection, tx, ct).ConfigureAwait(false);

    /// <summary>A record the run inserted (counted toward the switch; added to the maps while loading).</summary>
    public void Inserted(long identityKey, long fingerprintKey, bool original, long rowid)
    {
        _inserted++;
        _keys?.Inserted(identityKey, fingerprintKey, original, rowid);
    }

    /// <summary>
    /// Turns the run into an initial load when it pays and is safe: the run has inserted at least
    /// <paramref name="after"/> records, the archive holds no other connector's record, and no other connector's run
    /// holds a lease. Call in the open transaction, before its commit. Returns whether the run is now loading.
    /// </summary>
    public async Task<bool> TryBeginAsync(SqliteTransaction tx, RunContext run, long after, string now, CancellationToken ct)
    {
        if (_state != State.None) return true;
        if (_ruledOut || after <= 0 || _inserted < after || run.ConnectorHadRecords) return false;
        await using (var others = Sql.Command(connection, tx, "SELECT EXISTS (SELECT 1 FROM records WHERE connector_id <> $c)"))
        {
            Sql.Add(others, "$c", run.ConnectorId);
            if (Convert.ToInt64(await others.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                _ruledOut = true;
                return false;
            }
        }
        // Another connector's run could start writing at any commit boundary: wait (and ask again at the next commit).
        await using (var leases = Sql.Command(connection, tx,
            "SELECT EXISTS (SELECT 1 FROM leases WHERE name LIKE 'connector:%' AND name <> $mine AND expires_at > $now)"))
        {
            Sql.Add(leases, "$mine", ArchiveStore.LeaseName(run.ConnectorId));
            Sql.Add(leases, "$now", now);
            if (Convert.ToInt64(await leases.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0) return false;
        }
        if (await DeferredIndexes.FindAsync(connection, tx, ct).ConfigureAwait(false) is not null) return false;
        await DeferredIndexes.DeferAsync(connection, tx, run, now, ct).ConfigureAwait(false);
        _keys = await InitialLoadKeys.ReadAsync(connection, tx, ct).ConfigureAwait(false);
        // With the indexes down every insert appends at the end of its tables: the writer's large page cache (kept for
        // random index inserts) would only grow into memory the process has not touched yet, a fault per page on a
        // virtual machine. The tables' right edges stay cached; a commit larger than the cache (pipeline.commitRecords
        // is 50,000 records, ~60 MB of pages) writes the leaf pages it has finished to the log early, and an append
        // does not touch them again (measured: bytes written unchanged; with 16 MiB, 0.7 GB more read back).
        // Should this transaction roll back, the run goes on with the smaller cache: slower, never wrong.
        await using (var cache = Sql.Command(connection, tx, $"PRAGMA cache_size = -{LoadingCacheKiB}")) await cache.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        _state = State.Deferring;
        return true;
    }

    /// <summary>The open transaction committed: a switch made in it now holds.</summary>
    public void Committed()
    {
        if (_state == State.Deferring) _state = State.Loading;
    }

    /// <summary>The open transaction rolled back: a switch made in it is undone; the maps are read again when next needed.</summary>
    public void RolledBack()
    {
        _keys = null;
        if (_state == State.Deferring) _state = State.None;
    }
}
