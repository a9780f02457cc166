using ArchiveBridge.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.InitialLoad;

/// <summary>
/// What an initial load asks the identity and fingerprint indexes while they are down (<see cref="DeferredIndexes"/>):
/// exact maps from a 64-bit key to the rowids of the records that have it. A hit is confirmed by reading those
/// rows by rowid and comparing the full source key or fingerprint, so a colliding key costs a read, never a wrong
/// decision; a miss is certain because no other run writes while the indexes are down.
/// </summary>
internal sealed class InitialLoadKeys
{
    private readonly RowidMap _identities = new();
    private readonly RowidMap _fingerprints = new();

    /// <summary>Reads the keys of every record in the store (the loading run's own, at the switch or after a rollback).</summary>
    public static async Task<InitialLoadKeys> ReadAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var keys = new InitialLoadKeys();
        await using var cmd = Sql.Command(connection, tx, "SELECT rowid, source_key, fingerprint_key, duplicate_of IS NULL FROM records");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var rowid = reader.GetInt64(0);
            // Each row is read once: no pair can be there already.
            keys._identities.AddNew(IndexKeys.FromSourceKey(reader.GetString(1)), rowid);
            if (reader.GetBoolean(3)) keys._fingerprints.AddNew(reader.GetInt64(2), rowid);
        }
        return keys;
    }

    /// <summary>Adds the rowids of records that may have this source key (<see cref="IndexKeys.FromSourceKey"/>) to <paramref name="into"/>.</summary>
    public void IdentityCandidates(long identityKey, List<long> into) => _identities.Get(identityKey, into);

    /// <summary>Adds the rowids of original (not duplicate) records that may have this fingerprint key.</summary>
    public void FingerprintCandidates(long fingerprintKey, List<long> into) => _fingerprints.Get(fingerprintKey, into);

    /// <summary>Brings what a batch's identity lookups will read into the processor's cache (<see cref="RowidMap.Warm"/>).</summary>
    public void WarmIdentities(ReadOnlySpan<long> identityKeys) => _identities.Warm(identityKeys);

    /// <summary>The same for a batch's fingerprint lookups.</summary>
    public void WarmFingerprints(ReadOnlySpan<long> fingerprintKeys) => _fingerprints.Warm(fingerprintKeys);

    /// <summary>A record just inserted at <paramref name="rowid"/>; a duplicate is not an original for later probes.</summary>
    public void Inserted(long identityKey, long fingerprintKey, bool original, long rowid)
    {
        // A new rowid: the pairs cannot be in the maps yet.
        _identities.AddNew(identityKey, rowid);
        if (original) _fingerprints.AddNew(fingerprintKey, rowid);
    }

    /// <summary>A record given new content (a version is always an original). Its old fingerprint key stays: a hit on it fails confirmation.</summary>
    public void Versioned(long fingerprintKey, long rowid) => _fingerprints.Add(fingerprintKey, rowid);
}
