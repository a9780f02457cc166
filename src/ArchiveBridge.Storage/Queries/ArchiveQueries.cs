using ArchiveBridge.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage.Queries;

/// <summary>Read-only admin and auditor queries (EF, no tracking).</summary>
public sealed class ArchiveQueries(ArchiveStore store)
{
    public async Task<ArchiveStatistics> StatisticsAsync(CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var records = await db.Records.CountAsync(r => r.DuplicateOf == null, cancellationToken).ConfigureAwait(false);
        var duplicates = await db.Records.CountAsync(r => r.DuplicateOf != null, cancellationToken).ConfigureAwait(false);
        // Every archived version counts: the current one of each record plus the superseded ones kept.
        var versions = records + await db.RecordVersions.CountAsync(cancellationToken).ConfigureAwait(false);
        var blobs = await db.Blobs.CountAsync(cancellationToken).ConfigureAwait(false);
        var blobBytes = await db.Blobs.SumAsync(b => (long?)b.Size, cancellationToken).ConfigureAwait(false) ?? 0;
        var referenced = await db.Attachments.SumAsync(a => (long?)a.Size, cancellationToken).ConfigureAwait(false) ?? 0;
        var quarantined = await db.Quarantine.CountAsync(q => q.Status == "open", cancellationToken).ConfigureAwait(false);
        var runs = await db.Runs.CountAsync(cancellationToken).ConfigureAwait(false);
        return new ArchiveStatistics(records, versions, blobs, blobBytes, quarantined, runs)
        {
            Duplicates = duplicates,
            BytesSavedByDedup = Math.Max(0, referenced - blobBytes),
        };
    }

    public async Task<RunEntity?> LastRunAsync(string? connectorId, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var q = db.Runs.AsNoTracking().Where(r => r.Status != "running");
        if (connectorId is not null) q = q.Where(r => r.ConnectorId == connectorId);
        return await q.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunEntity?> RunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunEntity>> RunsAsync(string? connectorId, int limit, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var q = db.Runs.AsNoTracking();
        if (connectorId is not null) q = q.Where(r => r.ConnectorId == connectorId);
        return await q.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
