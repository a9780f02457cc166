using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Audit;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// Appends one entry to the audit chain in its own transaction. Storage's AuditWriter does the same inside the
/// caller's transaction but is internal to Storage; this mirrors it (same columns, same <see cref="AuditChain"/> hash)
/// until Storage offers a public append.
/// </summary>
internal static class AuditAppender
{
    public static async Task AppendAsync(ArchiveStore store, string at, string actor, string action, string subject, string details)
    {
        // No cancellation: the entry describes a call already answered; it is written or it fails, never half-done.
        await using var connection = await store.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        // BEGIN IMMEDIATE takes the store's write lock first, so reading the last hash and appending are one step
        // for every writer of the chain (runs, webhooks, quarantine, this).
        await using var tx = connection.BeginTransaction(deferred: false);
        long seq = 0;
        var prev = AuditChain.Genesis;
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = tx;
            last.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
            await using var reader = await last.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                seq = reader.GetInt64(0);
                prev = reader.GetString(1);
            }
        }
        seq++;
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) " +
            "VALUES ($seq, $at, $actor, $action, $subject, $details, $prev, $hash)";
        insert.Parameters.AddWithValue("$seq", seq);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$actor", actor);
        insert.Parameters.AddWithValue("$action", action);
        insert.Parameters.AddWithValue("$subject", subject);
        insert.Parameters.AddWithValue("$details", details);
        insert.Parameters.AddWithValue("$prev", prev);
        insert.Parameters.AddWithValue("$hash", AuditChain.ComputeHash(prev, seq, at, actor, action, subject, details));
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
    }
}
