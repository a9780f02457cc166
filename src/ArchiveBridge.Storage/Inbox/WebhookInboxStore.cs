using System.Text.Json;
using ArchiveBridge.Core;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Inbox;

/// <summary>
/// The <c>webhook_inbox</c> table of the inbox file (<see cref="InboxDatabase"/>): webhooks are appended durably
/// (many per transaction) before they are acknowledged, then drained in order per connector. The unique index on
/// (connector_id, webhook_id) is what makes a repeated delivery harmless, whichever node or request it reaches.
/// Their receipt reaches the archive's audit chain when they are drained (<see cref="WebhookReceiptAudit"/>).
/// </summary>
public sealed class WebhookInboxStore(InboxDatabase database, TimeProvider time)
{
    /// <summary>
    /// Appends <paramref name="items"/> in ONE transaction with a full fsync, and returns one result per item in
    /// order. A webhook id already held for the connector (within its replay window) yields the held entry's id.
    /// </summary>
    public async Task<IReadOnlyList<InboxAppendResult>> AppendAsync(IReadOnlyList<InboxAppend> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new InboxAppendResult[items.Count];
        if (items.Count == 0) return results;
        var now = time.GetUtcNow();
        var nowText = StoreTime.ToText(now);

        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The 202 promises durability: the commit must reach the disk, whatever the connection's defaults.
        await using (var pragma = Sql.Command(connection, null, "PRAGMA synchronous=FULL"))
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Sql.Command(connection, tx,
            "INSERT INTO webhook_inbox (id, connector_id, webhook_id, received_at, body, status, attempts) " +
            "VALUES ($id, $c, $w, $at, $body, 'pending', 0) ON CONFLICT(connector_id, webhook_id) DO NOTHING");
        var pId = Sql.Add(insert, "$id", null);
        var pConnector = Sql.Add(insert, "$c", null);
        var pWebhook = Sql.Add(insert, "$w", null);
        Sql.Add(insert, "$at", nowText);
        var pBody = Sql.Add(insert, "$body", null);

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            pConnector.Value = item.ConnectorId;
            pWebhook.Value = item.WebhookId;
            pBody.Value = item.Body;
            pId.Value = Ids.New(time);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                results[i] = new InboxAppendResult((string)pId.Value, Duplicate: false);
                continue;
            }
            var held = await FindAsync(connection, tx, item.ConnectorId, item.WebhookId, cancellationToken).ConfigureAwait(false);
            if (held.Status == InboxStatus.Processed && held.ReceivedAt < now - item.ReplayWindow)
            {
                // Outside the replay window the id is the sender's to reuse: the old, processed entry gives way.
                await DeleteAsync(connection, tx, held.Id, cancellationToken).ConfigureAwait(false);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                results[i] = new InboxAppendResult((string)pId.Value, Duplicate: false);
            }
            else results[i] = new InboxAppendResult(held.Id, Duplicate: true);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>The connector's pending entries in arrival order (due or not: order is kept, so a waiting head blocks).</summary>
    public async Task<IReadOnlyList<InboxEntry>> LoadPendingAsync(string connectorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectorId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "SELECT seq, id, webhook_id, body, attempts, received_at, next_attempt_at, audit FROM webhook_inbox " +
            "WHERE connector_id = $c AND status = 'pending' ORDER BY seq LIMIT $limit");
        Sql.Add(cmd, "$c", connectorId);
        Sql.Add(cmd, "$limit", Math.Max(1, limit));
        var entries = new List<InboxEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new InboxEntry(reader.GetInt64(0), reader.GetString(1), connectorId, reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), StoreTime.Parse(reader.GetString(5)))
            {
                NextAttemptAt = reader.IsDBNull(6) ? null : StoreTime.Parse(reader.GetString(6)),
                Audit = (InboxAuditState)reader.GetInt32(7),
            });
        }
        return entries;
    }

    /// <summary>
    /// Marks entries as about to get their <c>webhook.received</c> audit entry in the archive (see
    /// <see cref="InboxAuditState"/>). Fsync'd like an append: a claim lost in a power cut while the audit entry
    /// after it survived would have the receipt audited twice.
    /// </summary>
    public async Task ClaimAuditAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        if (seqs.Count == 0) return;
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = Sql.Command(connection, null, "PRAGMA synchronous=FULL"))
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "UPDATE webhook_inbox SET audit = 1 WHERE seq IN (SELECT value FROM json_each($seqs)) AND audit = 0");
        Sql.Add(cmd, "$seqs", JsonSerializer.Serialize(seqs));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks entries processed (after the batch holding their records committed; their receipt audited before).</summary>
    public async Task MarkProcessedAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        if (seqs.Count == 0) return;
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "UPDATE webhook_inbox SET status = 'processed', processed_at = $at, next_attempt_at = NULL, audit = 2 " +
            "WHERE seq IN (SELECT value FROM json_each($seqs)) AND status = 'pending'");
        Sql.Add(cmd, "$at", StoreTime.ToText(time.GetUtcNow()));
        Sql.Add(cmd, "$seqs", JsonSerializer.Serialize(seqs));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts a failed attempt: the entry waits until <paramref name="nextAttemptAt"/>, or, when that is null,
    /// is quarantined (kept with its body and the error; never dropped). Their receipt was audited before the attempt.
    /// </summary>
    public async Task RecordFailureAsync(IReadOnlyCollection<long> seqs, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        ArgumentNullException.ThrowIfNull(error);
        if (seqs.Count == 0) return;
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "UPDATE webhook_inbox SET attempts = attempts + 1, error = $error, next_attempt_at = $next, status = $status, audit = 2 " +
            "WHERE seq IN (SELECT value FROM json_each($seqs)) AND status = 'pending'");
        Sql.Add(cmd, "$error", error);
        Sql.Add(cmd, "$next", nextAttemptAt is { } n ? StoreTime.ToText(n) : null);
        Sql.Add(cmd, "$status", nextAttemptAt is null ? InboxStatus.Quarantined : InboxStatus.Pending);
        Sql.Add(cmd, "$seqs", JsonSerializer.Serialize(seqs));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries newest first, without their bodies (for the admin API).</summary>
    public async Task<IReadOnlyList<InboxEntryInfo>> ListAsync(string? connectorId, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "SELECT id, connector_id, webhook_id, status, attempts, received_at, next_attempt_at, processed_at, error, length(CAST(body AS BLOB)) " +
            "FROM webhook_inbox WHERE ($c IS NULL OR connector_id = $c) AND ($s IS NULL OR status = $s) ORDER BY seq DESC LIMIT $limit");
        Sql.Add(cmd, "$c", connectorId);
        Sql.Add(cmd, "$s", status);
        Sql.Add(cmd, "$limit", Math.Max(1, limit));
        var list = new List<InboxEntryInfo>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new InboxEntryInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), Sql.NullableString(reader, 6), Sql.NullableString(reader, 7), Sql.NullableString(reader, 8), reader.GetInt64(9)));
        }
        return list;
    }

    /// <summary>Puts a quarantined entry back in line (after the cause was fixed); false when no quarantined entry has that id.</summary>
    public async Task<bool> RetryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Sql.Command(connection, null,
            "UPDATE webhook_inbox SET status = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = $id AND status = 'quarantined'");
        Sql.Add(cmd, "$id", id);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<(string Id, string Status, DateTimeOffset ReceivedAt)> FindAsync(SqliteConnection connection, SqliteTransaction tx,
        string connectorId, string webhookId, CancellationToken cancellationToken)
    {
        await using var cmd = Sql.Command(connection, tx, "SELECT id, status, received_at FROM webhook_inbox WHERE connector_id = $c AND webhook_id = $w");
        Sql.Add(cmd, "$c", connectorId);
        Sql.Add(cmd, "$w", webhookId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"webhook_inbox: conflict on ({connectorId}, {webhookId}) but no row holds it");
        return (reader.GetString(0), reader.GetString(1), StoreTime.Parse(reader.GetString(2)));
    }

    private static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction tx, string id, CancellationToken cancellationToken)
    {
        await using var cmd = Sql.Command(connection, tx, "DELETE FROM webhook_inbox WHERE id = $id");
        Sql.Add(cmd, "$id", id);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
