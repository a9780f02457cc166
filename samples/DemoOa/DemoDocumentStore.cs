namespace DemoOa;

/// <summary>
/// The demo's documents, always read in the order the API promises: <c>updatedAt</c>, then <c>id</c> (ordinal).
/// Tests change it between page requests to play an OA system that is edited while it is being synced.
/// </summary>
public sealed class DemoDocumentStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DemoDocument> _documents;
    private readonly TimeProvider _time;

    public DemoDocumentStore(DemoOaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = options.TimeProvider;
        _documents = DemoDocuments.Generate(options.DocumentCount).ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public int Count
    {
        get { lock (_lock) return _documents.Count; }
    }

    /// <summary>The documents updated at or after <paramref name="since"/> (all when null), sorted.</summary>
    public IReadOnlyList<DemoDocument> Query(DateTimeOffset? since)
    {
        lock (_lock)
        {
            return [.. _documents.Values
                .Where(d => since is null || d.UpdatedAt >= since)
                .OrderBy(d => d.UpdatedAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)];
        }
    }

    public DemoDocument? Find(string id)
    {
        lock (_lock) return _documents.GetValueOrDefault(id);
    }

    public DemoAttachment? FindAttachment(string name)
    {
        lock (_lock) return _documents.Values.SelectMany(d => d.Attachments).FirstOrDefault(a => a.Name == name);
    }

    /// <summary>Edits a document: it gets a new title and the newest <c>updatedAt</c>, so it moves to the end of the order.</summary>
    public DemoDocument Touch(string id, string? title = null)
    {
        lock (_lock)
        {
            var current = _documents.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"no document '{id}'");
            var now = _time.GetUtcNow().ToOffset(DemoDocuments.FirstUpdate.Offset);
            now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Offset);
            var newest = _documents.Values.Max(d => d.UpdatedAt);
            var updated = current with { Title = title ?? current.Title + "（修订）", UpdatedAt = now > newest ? now : newest.AddSeconds(1) };
            _documents[id] = updated;
            return updated;
        }
    }

    /// <summary>Adds or replaces a document as given (tests insert back-dated ones to shift pages).</summary>
    public void Put(DemoDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_lock) _documents[document.Id] = document;
    }

    public bool Remove(string id)
    {
        lock (_lock) return _documents.Remove(id);
    }
}
