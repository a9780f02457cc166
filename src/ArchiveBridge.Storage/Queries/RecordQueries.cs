using System.Text.Json;
using ArchiveBridge.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage.Queries;

/// <summary>Finds records by id or 档号 and assembles their details (metadata, attachments, versions, links).</summary>
public sealed class RecordQueries(ArchiveStore store)
{
    public async Task<RecordDetails?> FindAsync(string idOrCode, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var row = await db.Records.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == idOrCode || r.ArchivalCode == idOrCode, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;

        var record = StoredRecordJson.Deserialize(row.Metadata, Columns(row, row.Version, row.Fingerprint) with { Content = RecordColumns.Content(row) });

        var versions = await db.RecordVersions.AsNoTracking().Where(v => v.RecordId == row.Id).OrderBy(v => v.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = new List<RecordVersionSummary>();
        for (var i = 0; i < versions.Count; i++)
        {
            // A version's "changed fields" are those that changed when it was introduced (kept on its predecessor's row).
            var introduced = i == 0 ? [] : ParseList(versions[i - 1].ChangedFields);
            history.Add(new RecordVersionSummary(versions[i].Version, versions[i].Fingerprint, versions[i].RunId, versions[i].ArchivedAt, introduced, false));
        }
        history.Add(new RecordVersionSummary(row.Version, row.Fingerprint, row.ContentRunId, row.UpdatedAt,
            versions.Count == 0 ? [] : ParseList(versions[^1].ChangedFields), true));

        var duplicates = await db.Records.AsNoTracking().Where(r => r.DuplicateOf == row.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new DuplicateLink(r.Id, r.ConnectorId, r.SourceKey, r.FirstRunId, r.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        return new RecordDetails
        {
            Id = row.Id,
            ArchivalCode = row.ArchivalCode,
            Connector = row.ConnectorId,
            SourceKey = row.SourceKey,
            Version = row.Version,
            Fingerprint = row.Fingerprint,
            DuplicateOf = row.DuplicateOf,
            FirstRunId = row.FirstRunId,
            LastRunId = row.LastRunId,
            LastOutcome = row.LastOutcome,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            Record = record,
            Versions = history,
            Duplicates = duplicates,
        };
    }

    /// <summary>The metadata of an older version, for <c>show --version N</c>.</summary>
    public async Task<ArchiveRecord?> VersionAsync(string recordId, int version, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var kept = await db.RecordVersions.AsNoTracking().Where(v => v.RecordId == recordId && v.Version == version)
            .Select(v => new { v.Metadata, v.Fingerprint }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (kept is null) return null;
        // 档号, 件号 and identity are the record's, the same for all its versions; the kept JSON holds the version's content.
        var row = await db.Records.AsNoTracking().FirstAsync(r => r.Id == recordId, cancellationToken).ConfigureAwait(false);
        return StoredRecordJson.Deserialize(kept.Metadata, Columns(row, version, kept.Fingerprint));
    }

    private static StoredRecordColumns Columns(Entities.RecordEntity row, int version, string fingerprint) =>
        new(row.Id, row.ConnectorId, row.SourceKey, row.ArchivalCode, row.ItemNo, version, fingerprint);

    private static IReadOnlyList<string> ParseList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
