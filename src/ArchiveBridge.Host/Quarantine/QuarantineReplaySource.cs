using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage.Entities;
using ArchiveBridge.Storage.Quarantine;

namespace ArchiveBridge.Host.Quarantine;

/// <summary>
/// Replays open quarantine entries through the normal pipeline with the CURRENT mapping and config: the raw
/// payload becomes the source record again; attachments are opened by the real connector. Entries that get
/// archived are closed after the commit; entries that fail again update their open entry (same raw hash).
/// Malformed rows cannot be re-parsed from a payload: they stay quarantined until the source is fixed.
/// </summary>
internal sealed class QuarantineReplaySource(ISourceConnector inner, IReadOnlyList<QuarantineEntity> entries, QuarantineStore quarantine)
    : ISourceConnector, IArchiveAcknowledger
{
    private readonly Dictionary<SourceRecord, string> _entryOf = new(ReferenceEqualityComparer.Instance);

    public string Id => inner.Id;

    public IReadOnlyList<(string EntryId, string? RecordId)> Resolved { get; private set; } = [];

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var document = JsonDocument.Parse(entry.RawPayload);
            var record = new SourceRecord(new JsonSourceFields(document.RootElement.Clone()))
            {
                SourceKey = entry.Reason == ReasonCodes.MalformedRow ? entry.SourceKey : null,
                Location = entry.Location,
                LineNumber = entry.LineNumber,
                RawText = entry.RawText,
                SourceUrl = entry.SourceUrl,
                Problem = entry.Reason == ReasonCodes.MalformedRow
                    ? new RecordProblem(ReasonCodes.MalformedRow, entry.Message + " (fix the source file and sync again)") { MessageZh = entry.MessageZh, Field = entry.Field, Value = entry.Value }
                    : null,
            };
            _entryOf[record] = entry.Id;
            yield return record;
            await Task.Yield();
        }
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        inner.OpenAttachmentAsync(reference, cancellationToken);

    public async ValueTask AcknowledgeAsync(IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken)
    {
        var resolved = new List<(string, string?)>();
        foreach (var item in items)
            if (_entryOf.TryGetValue(item.Source, out var entryId)) resolved.Add((entryId, item.RecordId));
        await quarantine.ResolveAsync(resolved, "retry", cancellationToken).ConfigureAwait(false);
        Resolved = [.. Resolved, .. resolved];
    }
}
