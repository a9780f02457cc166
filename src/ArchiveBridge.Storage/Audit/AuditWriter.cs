using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// Appends one entry to the audit chain inside the caller's transaction, so the entry exists exactly when
/// the change it describes does. Writers are serialised by the store's write lock (SQLite BEGIN IMMEDIATE).
/// </summary>
internal static class AuditWriter
{
    private const string Insert =
        "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES ($seq, $at, $actor, $action, $subject, $details, $prev, $hash)";

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, string at, string actor, string action,
        string subject, string details, CancellationToken cancellationToken)
    {
        var (seq, prev) = await LastAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var hash = AuditChain.ComputeHash(prev, seq, at, actor, action, subject, details);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = Insert;
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

    /// <summary>
    /// The same for details already written as UTF-8 (a batch's entry): bound as text by length, never turned
    /// into a string and back.
    /// </summary>
    public static async Task AppendAsync(SqliteConnection connection, DbTransaction transaction, string at, string actor, string action,
        string subject, ReadOnlyMemory<byte> detailsUtf8, CancellationToken cancellationToken)
    {
        var (seq, prev) = await LastAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var hash = AuditChain.ComputeHash(prev, seq, at, actor, action, subject, detailsUtf8.Span);
        var rc = raw.sqlite3_prepare_v2(connection.Handle, Insert, out var stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        using (stmt)
        {
            raw.sqlite3_bind_int64(stmt, 1, seq);
            Check(connection, raw.sqlite3_bind_text(stmt, 2, at));
            Check(connection, raw.sqlite3_bind_text(stmt, 3, actor));
            Check(connection, raw.sqlite3_bind_text(stmt, 4, action));
            Check(connection, raw.sqlite3_bind_text(stmt, 5, subject));
            Check(connection, raw.sqlite3_bind_text(stmt, 6, detailsUtf8.Span));
            Check(connection, raw.sqlite3_bind_text(stmt, 7, prev));
            Check(connection, raw.sqlite3_bind_text(stmt, 8, hash));
            rc = raw.sqlite3_step(stmt);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    private static async Task<(long Seq, string Prev)> LastAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
        await using var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0) + 1, reader.GetString(1))
            : (1, AuditChain.Genesis);
    }
}
