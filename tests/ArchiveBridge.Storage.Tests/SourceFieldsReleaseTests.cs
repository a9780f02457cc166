using System.Runtime.CompilerServices;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests;

/// <summary>
/// Once a record is mapped and complete, the pipeline lets go of its raw fields (they were most of what each garbage
/// collection kept); a record bound for quarantine keeps them, since its raw payload is stored with it.
/// </summary>
public sealed class SourceFieldsReleaseTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Sync_CompleteRecordsReleaseTheirFields_AQuarantinedOneKeepsThemForItsRawPayload()
    {
        var records = new[] { Some.Record("k1"), Some.Record("k2"), Some.Record("k3", date: "2024-13-45") };

        var summary = await _f.SyncAsync(new SameInstances("c1", records));

        Assert.Equal((2, 1), (summary.Counts.Created, summary.Counts.Quarantined));
        Assert.Empty(records[0].Fields.Names);
        Assert.Empty(records[1].Fields.Names);
        Assert.NotEmpty(records[2].Fields.Names);
        Assert.Equal(1, await _f.ScalarAsync("SELECT count(*) FROM quarantine WHERE raw_payload LIKE '%k3%' AND raw_payload LIKE '%2024-13-45%'"));
    }

    /// <summary>Yields the very records it was given (ListConnector copies them), so the test sees what the run did to them.</summary>
    private sealed class SameInstances(string id, IReadOnlyList<SourceRecord> records) : ISourceConnector
    {
        public string Id => id;

        public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var record in records)
            {
                await Task.CompletedTask;
                yield return record;
            }
        }

        public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException("no attachments here");
    }
}
