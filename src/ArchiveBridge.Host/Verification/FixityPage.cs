using ArchiveBridge.Core.Records;
using ArchiveBridge.Storage;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// A stored record as verification needs it: identity, code, current version, fingerprint, metadata and the content
/// fields the row keeps in columns.
/// </summary>
internal sealed record StoredRecord(string Id, string Connector, string SourceKey, string? ArchivalCode, int? ItemNo, int Version,
    string Fingerprint, string Metadata, StoredContentColumns Content)
{
    public StoredRecordColumns Columns => new(Id, Connector, SourceKey, ArchivalCode, ItemNo, Version, Fingerprint) { Content = Content };
}

/// <summary>One attachment row: a record version's reference to a blob.</summary>
internal sealed record StoredAttachment(string RecordId, int Version, int Ordinal, string Name, string Sha256, long Size);

/// <summary>One page of records (keyset by id) with the attachment rows of all their versions.</summary>
internal sealed class FixityPage
{
    private readonly ILookup<string, StoredAttachment> _attachments;

    private FixityPage(List<StoredRecord> records, ILookup<string, StoredAttachment> attachments) => (Records, _attachments) = (records, attachments);

    public IReadOnlyList<StoredRecord> Records { get; }

    public IReadOnlyList<StoredAttachment> AttachmentsOf(string recordId) => [.. _attachments[recordId]];

    public static async Task<FixityPage> LoadAsync(ArchiveStore store, string? connectorId, string? afterId, int size, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var q = db.Records.AsNoTracking();
        if (connectorId is not null) q = q.Where(r => r.ConnectorId == connectorId);
        if (afterId is not null) q = q.Where(r => string.Compare(r.Id, afterId) > 0);
        var records = await q.OrderBy(r => r.Id).Take(size)
            .Select(r => new StoredRecord(r.Id, r.ConnectorId, r.SourceKey, r.ArchivalCode, r.ItemNo, r.Version, r.Fingerprint, r.Metadata,
                new StoredContentColumns(r.Fonds, r.Category, r.Year, r.Retention, r.Org, r.Title, r.DocNumber, r.Date)))
            .ToListAsync(ct).ConfigureAwait(false);
        if (records.Count == 0) return new FixityPage(records, Array.Empty<StoredAttachment>().ToLookup(a => a.RecordId));
        var ids = records.Select(r => r.Id).ToList();
        var attachments = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.RecordId))
            .OrderBy(a => a.RecordId).ThenBy(a => a.Version).ThenBy(a => a.Ordinal)
            .Select(a => new StoredAttachment(a.RecordId, a.Version, a.Ordinal, a.Name, a.Sha256, a.Size))
            .ToListAsync(ct).ConfigureAwait(false);
        return new FixityPage(records, attachments.ToLookup(a => a.RecordId, StringComparer.Ordinal));
    }
}
