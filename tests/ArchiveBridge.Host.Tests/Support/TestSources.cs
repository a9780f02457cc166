using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>
/// A pulling source for tests: yields <see cref="Count"/> documents, then (when gated) waits for the gate, so a
/// test holds a run "in flight" as long as it needs without sleeping. The wait observes the run's token.
/// </summary>
internal sealed class GatedSource(string id, int count, bool gated) : ISourceConnector
{
    public string Id => id;
    public int Count => count;

    /// <summary>Completes once every document was yielded and the source waits at the gate.</summary>
    public TaskCompletionSource AtGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= count; i++)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["编号"] = $"{id}-{i}", ["题名"] = $"关于第{i}号文件的通知", ["日期"] = "2024-05-06" });
            yield return new SourceRecord(new JsonSourceFields(JsonSerializer.Deserialize<JsonElement>(json))) { SourceKey = $"{id}-{i}" };
        }
        AtGate.TrySetResult();
        if (gated) await Gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        throw new AttachmentException("attachment_missing", "test sources have no attachments");
}

/// <summary>A source whose system is down: every read fails.</summary>
internal sealed class FailingSource(string id) : ISourceConnector
{
    public string Id => id;

    public int Reads;

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Reads);
        await Task.CompletedTask.ConfigureAwait(false);
        throw new HttpRequestException("connection refused (test)");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
