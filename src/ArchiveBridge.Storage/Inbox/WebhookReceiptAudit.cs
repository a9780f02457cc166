using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Storage.Audit;

namespace ArchiveBridge.Storage.Inbox;

/// <summary>
/// Writes the receipt of inbox entries (<c>webhook.received</c>) into the archive's hash-chained audit log, when
/// they are drained: the inbox is another file, so the 202's commit cannot carry the entry any more. Each entry's
/// receipt is written once: the inbox claims entries first (<see cref="WebhookInboxStore.ClaimAuditAsync"/>), and
/// claimed entries, which a crash may have left audited or not, are looked up in the chain before writing.
/// </summary>
public sealed class WebhookReceiptAudit(ArchiveStore store, TimeProvider time)
{
    public const string Action = "webhook.received";

    /// <summary>Clock differences between the writers of the chain that the look-up for claimed entries allows for.</summary>
    private static readonly TimeSpan LookBackMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Appends one <see cref="Action"/> audit entry listing <paramref name="entries"/> not yet in the chain (id,
    /// connector, webhook id, received at, body SHA-256: 真实性, the body can be checked later); nothing when all are.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var unwritten = entries.Where(e => e.Audit != InboxAuditState.Written).ToList();
        if (unwritten.Count == 0) return;
        // The store's connections wait behind an archiving commit group inside SQLite (busy_timeout).
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the look-up and the append see the same chain head.
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = unwritten.Where(e => e.Audit == InboxAuditState.Claimed).ToList();
        if (claimed.Count > 0)
        {
            var inChain = await FindInChainAsync(connection, tx, claimed, cancellationToken).ConfigureAwait(false);
            unwritten.RemoveAll(e => inChain.Contains(e.Id));
            if (unwritten.Count == 0) return;
        }
        var at = StoreTime.ToText(time.GetUtcNow());
        await AuditWriter.AppendAsync(connection, tx, at, "webhook", Action, "webhook_inbox", Details(unwritten), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The ids among <paramref name="claimed"/> that a <see cref="Action"/> entry already lists, reading the chain
    /// backwards only as far as the earliest receipt (an entry is audited after it was received).
    /// </summary>
    private static async Task<HashSet<string>> FindInChainAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx,
        List<InboxEntry> claimed, CancellationToken cancellationToken)
    {
        var wanted = claimed.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var since = StoreTime.ToText(claimed.Min(e => e.ReceivedAt) - LookBackMargin);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = Sql.Command(connection, tx, "SELECT at, action, details FROM audit_log ORDER BY seq DESC");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (found.Count < wanted.Count && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.CompareOrdinal(reader.GetString(0), since) < 0) break;
            if (reader.GetString(1) != Action) continue;
            using var details = JsonDocument.Parse(reader.GetString(2));
            if (!details.RootElement.TryGetProperty("entries", out var listed)) continue;
            foreach (var entry in listed.EnumerateArray())
            {
                if (entry.TryGetProperty("id", out var id) && id.GetString() is { } text && wanted.Contains(text)) found.Add(text);
            }
        }
        return found;
    }

    private static string Details(List<InboxEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", entry.Id);
                w.WriteString("connector", entry.ConnectorId);
                w.WriteString("webhookId", entry.WebhookId);
                w.WriteString("receivedAt", StoreTime.ToText(entry.ReceivedAt));
                w.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Body))));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
