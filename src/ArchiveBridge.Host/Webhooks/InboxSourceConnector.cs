using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage.Inbox;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Pending inbox entries as a source, so a webhook document goes through the normal pipeline (mapping, checks,
/// dedup, one store transaction per batch). The source key is the webhook id, which the mapping's <c>key</c>
/// overrides when it has one. The pipeline tells it which entries' records were committed.
/// </summary>
internal sealed class InboxSourceConnector(string connectorId, IReadOnlyList<InboxEntry> entries) : ISourceConnector, IArchiveAcknowledger
{
    private static readonly JsonElement EmptyObject = JsonSerializer.Deserialize<JsonElement>("{}");
    private readonly Dictionary<SourceRecord, long> _seqs = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<long> _committed = [];

    public string Id => connectorId;

    /// <summary>Entries whose record a committed batch archived (created, versioned, unchanged or duplicate).</summary>
    public IReadOnlyCollection<long> Committed
    {
        get
        {
            lock (_committed) return [.. _committed];
        }
    }

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = ToSourceRecord(entry);
            lock (_committed) _seqs[record] = entry.Seq;
            yield return record;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_committed)
        {
            foreach (var item in items)
                if (_seqs.TryGetValue(item.Source, out var seq)) _committed.Add(seq);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        throw new AttachmentException(ReasonCodes.AttachmentUnreadable,
            $"webhook documents of connector '{connectorId}' can carry attachments inline only; '{reference?.Location}' must be pulled (use mode notify)");

    private SourceRecord ToSourceRecord(InboxEntry entry)
    {
        var location = $"webhook_inbox {entry.Id}";
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(entry.Body);
            if (root.ValueKind == JsonValueKind.Object)
                return new SourceRecord(new JsonSourceFields(root)) { SourceKey = entry.WebhookId, Location = location };
        }
        catch (JsonException)
        {
            // reported below, with the body kept for quarantine
        }
        // Only when the mode changed after the webhook was accepted (notify accepts any JSON): never lose it.
        return new SourceRecord(new JsonSourceFields(EmptyObject))
        {
            SourceKey = entry.WebhookId,
            Location = location,
            RawText = entry.Body,
            Problem = new RecordProblem(ReasonCodes.MalformedRow, $"webhook {entry.WebhookId} is not one JSON object")
            {
                MessageZh = $"Webhook {entry.WebhookId} 的内容不是一个 JSON 对象",
            },
        };
    }
}
