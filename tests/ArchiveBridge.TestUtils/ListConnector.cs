using System.Runtime.CompilerServices;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.TestUtils;

/// <summary>
/// A connector over an in-memory list (the edge we do not own in pipeline tests). Position = index of the
/// next record, so checkpoint resume is observable; attachments come from a dictionary of bytes.
/// </summary>
public sealed class ListConnector(string id, IReadOnlyList<SourceRecord> records) : ISourceConnector
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Throw after yielding this many records (a source that dies mid-run).</summary>
    public int? FailAfter { get; set; }

    public string Id => id;

    public List<string?> CheckpointsSeen { get; } = [];

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CheckpointsSeen.Add(context.Checkpoint);
        var start = context.Checkpoint is null ? 0 : int.Parse(context.Checkpoint, System.Globalization.CultureInfo.InvariantCulture);
        var yielded = 0;
        for (var i = start; i < records.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FailAfter is { } n && yielded >= n) throw new IOException($"source went away after {n} records");
            var r = records[i];
            yield return new SourceRecord(r.Fields)
            {
                SourceKey = r.SourceKey,
                ChangeToken = r.ChangeToken,
                Problem = r.Problem,
                LineNumber = r.LineNumber ?? i + 2,
                Location = r.Location ?? "list",
                RawText = r.RawText,
                Position = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Attachments = r.Attachments,
            };
            yielded++;
            await Task.CompletedTask;
        }
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        Files.TryGetValue(reference.Location, out var bytes)
            ? ValueTask.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : throw new AttachmentException(ReasonCodes.AttachmentMissing, $"no file '{reference.Location}'");
}
