using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Inbox;

/// <summary>
/// Moves entries from the archive's old <c>webhook_inbox</c> table (the inbox lived in the archive file before it
/// got its own) into the inbox file, so an upgrade with webhooks still pending drops none. Copy first, delete from
/// the archive after: a crash between copies again, and the unique (connector, webhook id) makes that a no-op.
/// </summary>
public static class LegacyInboxImport
{
    private const int Chunk = 1000;

    /// <summary>Moves every row of the archive's old table (none when it is gone or empty); returns how many moved.</summary>
    public static async Task<int> ImportAsync(ArchiveStore archive, InboxDatabase inbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(inbox);
        await using var source = await archive.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = Sql.Command(source, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'webhook_inbox'"))
        {
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0) return 0;
        }
        var moved = 0;
        while (true)
        {
            var rows = await ReadChunkAsync(source, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0) return moved;
            await CopyAsync(inbox, rows, cancellationToken).ConfigureAwait(false);
            await using var delete = Sql.Command(source, null, "DELETE FROM webhook_inbox WHERE seq IN (SELECT value FROM json_each($seqs))");
            Sql.Add(delete, "$seqs", System.Text.Json.JsonSerializer.Serialize(rows.Select(r => (long)r[0]!)));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            moved += rows.Count;
        }
    }

    private static async Task<List<object?[]>> ReadChunkAsync(SqliteConnection source, CancellationToken cancellationToken)
    {
        await using var read = Sql.Command(source, null,
            "SELECT seq, id, connector_id, webhook_id, received_at, body, status, attempts, next_attempt_at, processed_at, error " +
            $"FROM webhook_inbox ORDER BY seq LIMIT {Chunk}");
        var rows = new List<object?[]>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task CopyAsync(InboxDatabase inbox, List<object?[]> rows, CancellationToken cancellationToken)
    {
        using var turn = await inbox.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var target = await inbox.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = Sql.Command(target, null, "PRAGMA synchronous=FULL"))
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await target.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The old table's receipts were audited when they were appended: audit = 2 (written).
        await using var insert = Sql.Command(target, tx,
            "INSERT INTO webhook_inbox (id, connector_id, webhook_id, received_at, body, status, attempts, next_attempt_at, processed_at, error, audit) " +
            "VALUES ($id, $c, $w, $at, $body, $status, $attempts, $next, $processed, $error, 2) ON CONFLICT DO NOTHING");
        string[] names = ["$id", "$c", "$w", "$at", "$body", "$status", "$attempts", "$next", "$processed", "$error"];
        var parameters = names.Select(n => Sql.Add(insert, n, null)).ToArray();
        foreach (var row in rows)
        {
            // An id the old table left null (the column was nullable) gets the seq-derived one it never had.
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i + 1] ?? (i == 0 ? $"legacy-{row[0]}" : DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
