using System.Data.Common;
using ArchiveBridge.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Probes;

/// <summary>
/// What the store already holds, kept in memory by one run's writer so that a batch asks the store only about
/// keys that may be there: this connector's source keys (is it a new identity?) and every record's fingerprint
/// key (is it a cross-source duplicate?). A first sync of a new connector, the archive's busiest day, then
/// probes almost nothing.
/// <para>
/// Each filter is built when it pays: once the run has written an eighth as many records as building it reads
/// (at once for a new connector or an empty archive; not for a small incremental run against a large archive).
/// It stays exact in the "certainly absent" direction because nothing else can add such keys unseen: the run's
/// own writes are added as they are decided, and when another connection has committed (<c>PRAGMA
/// data_version</c>, read at the start of every batch, inside the write transaction) the records inserted and
/// versioned since the last look are read back by rowid. Records are never deleted, so rowids only grow.
/// </para>
/// </summary>
internal sealed class ProbeFilters(SqliteConnection connection, string connectorId)
{
    private const int PaysAfterOneIn = 8;
    private KeyFilter? _identities;
    private KeyFilter? _fingerprints;
    private long _connectorRecords = -1;
    private long _storeRecords;
    private long _recordsSeenUpTo;
    private long _versionsSeenUpTo;
    private long _dataVersion = -1;
    private long _written;

    /// <summary>Brings the filters up to what the store holds now; call at the start of every batch.</summary>
    public async Task RefreshAsync(SqliteTransaction tx, CancellationToken ct)
    {
        if (_connectorRecords < 0)
        {
            // Sizes that decide when a filter pays. The store's highest rowid bounds both (a count of a large
            // connector would cost every run a scan); a connector with no record at all needs no bound.
            _storeRecords = await ScalarAsync(tx, "SELECT coalesce(max(rowid), 0) FROM records", ct).ConfigureAwait(false);
            var any = await ScalarAsync(tx, "SELECT EXISTS (SELECT 1 FROM records WHERE connector_id = $c)", ct).ConfigureAwait(false);
            _connectorRecords = any == 0 ? 0 : _storeRecords;
        }
        var version = await ScalarAsync(tx, "PRAGMA data_version", ct).ConfigureAwait(false);
        var changedElsewhere = _dataVersion >= 0 && version != _dataVersion;
        _dataVersion = version;
        if (changedElsewhere && (_identities is not null || _fingerprints is not null)) await CatchUpAsync(tx, ct).ConfigureAwait(false);

        if (_identities is null && _written * PaysAfterOneIn >= _connectorRecords)
        {
            _identities = new KeyFilter(2 * _connectorRecords);
            await ReadAsync(tx, "SELECT source_key FROM records WHERE connector_id = $c", r => _identities.Add(IndexKeys.FromSourceKey(r.GetString(0))), ct).ConfigureAwait(false);
        }
        if (_fingerprints is null && _written * PaysAfterOneIn >= _storeRecords)
        {
            _fingerprints = new KeyFilter(2 * _storeRecords);
            await ReadAsync(tx, "SELECT fingerprint_key FROM records", r => _fingerprints.Add(r.GetInt64(0)), ct).ConfigureAwait(false);
        }
        // The transaction holds the write lock from its start: every row above these marks is this run's own
        // (already in the filters), so the next catch-up reads only what others commit after this batch.
        if (_identities is not null || _fingerprints is not null) await MarkSeenAsync(tx, ct).ConfigureAwait(false);
    }

    /// <summary>False when the connector certainly holds no record under this source key.</summary>
    public bool MayHoldIdentity(long identityKey) => _identities?.MayContain(identityKey) ?? true;

    /// <summary>False when no record in the archive certainly has this fingerprint key.</summary>
    public bool MayHoldFingerprint(long fingerprintKey) => _fingerprints?.MayContain(fingerprintKey) ?? true;

    /// <summary>Records what this run writes (created or versioned), in the order it decides them.</summary>
    public void Written(long identityKey, long fingerprintKey, bool newIdentity)
    {
        if (newIdentity) _identities?.Add(identityKey);
        _fingerprints?.Add(fingerprintKey);
    }

    /// <summary>Counts the records a batch decided, toward building the filters when they pay.</summary>
    public void Decided(int records) => _written += records;

    private async Task CatchUpAsync(SqliteTransaction tx, CancellationToken ct)
    {
        if (_identities is { } identities)
        {
            await ReadAsync(tx, $"SELECT source_key FROM records WHERE rowid > {_recordsSeenUpTo} AND connector_id = $c",
                r => identities.Add(IndexKeys.FromSourceKey(r.GetString(0))), ct).ConfigureAwait(false);
        }
        if (_fingerprints is { } fingerprints)
        {
            await ReadAsync(tx,
                $"SELECT fingerprint_key FROM records WHERE rowid > {_recordsSeenUpTo} " +
                $"UNION ALL SELECT r.fingerprint_key FROM record_versions v JOIN records r ON r.id = v.record_id WHERE v.rowid > {_versionsSeenUpTo}",
                r => fingerprints.Add(r.GetInt64(0)), ct).ConfigureAwait(false);
        }
    }

    private async Task MarkSeenAsync(SqliteTransaction tx, CancellationToken ct)
    {
        _recordsSeenUpTo = await ScalarAsync(tx, "SELECT coalesce(max(rowid), 0) FROM records", ct).ConfigureAwait(false);
        _versionsSeenUpTo = await ScalarAsync(tx, "SELECT coalesce(max(rowid), 0) FROM record_versions", ct).ConfigureAwait(false);
    }


    private async Task<long> ScalarAsync(SqliteTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, tx, sql);
        Sql.Add(cmd, "$c", connectorId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ReadAsync(SqliteTransaction tx, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, tx, sql);
        Sql.Add(cmd, "$c", connectorId);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) row(reader);
    }
}
