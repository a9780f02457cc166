using System.Data.Common;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// Appends one entry to the audit chain inside the caller's transaction, so the entry exists exactly when
/// the change it describes does. Writers are serialised by the store's write lock (SQLite BEGIN IMMEDIATE).
/// </summary>
internal static class AuditWriter
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, string at, string actor, string action,
        string subject, string details, CancellationToken cancellationToken)
    {
        long seq = 0;
        var prev = AuditChain.Genesis;
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
            await using var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seq = reader.GetInt64(0);
                prev = reader.GetString(1);
            }
        }
        seq++;
        var hash = AuditChain.ComputeHash(prev, seq, at, actor, action, subject, details);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES ($seq, $at, $actor, $action, $subject, $details, $prev, $hash)";
        Sql.Add(insert, "$seq", seq);
        Sql.Add(insert, "$at", at);
        Sql.Add(insert, "$actor", actor);
        Sql.Add(insert, "$action", action);
        Sql.Add(insert, "$subject", subject);
        Sql.Add(insert, "$details", details);
        Sql.Add(insert, "$prev", prev);
        Sql.Add(insert, "$hash", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
