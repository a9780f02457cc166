using System.Text.Json;
using ArchiveBridge.Storage.Audit;
using ArchiveBridge.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArchiveBridge.Storage.Quarantine;

/// <summary>
/// Quarantine entries for admins: list, show, dismiss, and close entries a retry archived. Entries are never
/// deleted; every state change is audited in the same transaction.
/// </summary>
public sealed class QuarantineStore(ArchiveStore store, TimeProvider time)
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string Dismissed = "dismissed";

    public async Task<IReadOnlyList<QuarantineEntity>> ListAsync(string? connectorId, string? reason, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var q = db.Quarantine.AsNoTracking();
        if (status is not null) q = q.Where(e => e.Status == status);
        if (connectorId is not null) q = q.Where(e => e.ConnectorId == connectorId);
        if (reason is not null) q = q.Where(e => e.Reason == reason);
        return await q.OrderBy(e => e.ConnectorId).ThenBy(e => e.LineNumber).ThenBy(e => e.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<QuarantineEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        return await db.Quarantine.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes an open entry by an admin's decision; returns false when no open entry has that id.</summary>
    public async Task<bool> DismissAsync(string id, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entry = await db.Quarantine.FirstOrDefaultAsync(e => e.Id == id && e.Status == Open, cancellationToken).ConfigureAwait(false);
        if (entry is null) return false;
        var now = StoreTime.ToText(time.GetUtcNow());
        entry.Status = Dismissed;
        entry.DismissReason = reason;
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await AuditAsync(db, tx, now, actor, "quarantine.dismissed", id, JsonSerializer.Serialize(new { entry.ConnectorId, entry.Reason, dismissReason = reason }), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Marks entries archived by a retry as resolved, linking the record they became.</summary>
    public async Task ResolveAsync(IReadOnlyList<(string EntryId, string? RecordId)> resolved, string actor, CancellationToken cancellationToken)
    {
        if (resolved.Count == 0) return;
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = StoreTime.ToText(time.GetUtcNow());
        var ids = resolved.Select(r => r.EntryId).ToList();
        var entries = await db.Quarantine.Where(e => ids.Contains(e.Id) && e.Status == Open).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = resolved.ToDictionary(r => r.EntryId, r => r.RecordId);
        foreach (var entry in entries)
        {
            entry.Status = Resolved;
            entry.ResolvedRecordId = byId[entry.Id];
            entry.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (entries.Count > 0)
        {
            var details = JsonSerializer.Serialize(entries.Select(e => new { entry = e.Id, record = e.ResolvedRecordId }));
            await AuditAsync(db, tx, now, actor, "quarantine.resolved", $"connector:{entries[0].ConnectorId}", details, cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task AuditAsync(ArchiveDbContext db, IDbContextTransaction tx, string now, string actor, string action, string subject, string details, CancellationToken ct) =>
        AuditWriter.AppendAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), now, actor, action, subject, details, ct);
}
