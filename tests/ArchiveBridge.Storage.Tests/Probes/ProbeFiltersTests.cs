using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Probes;

/// <summary>
/// The run writer's probe filters must never answer "certainly absent" for a key the store holds: not for
/// this run's own records, not for records another connector's run commits while this run is open.
/// </summary>
public sealed class ProbeFiltersTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task NewConnector_SameKeyInALaterBatch_IsRecognised()
    {
        // The connector starts empty, so its identity filter is built at once and no batch probes the store
        // unless the filter says "maybe": the repeated key three batches later must still say so.
        var records = Enumerable.Range(1, 6).Select(i => Some.Record($"k{i}")).Append(Some.Record("k1")).ToList();

        var run = await _f.SyncAsync(new ListConnector("c1", records));

        Assert.Equal((6L, 1L), (run.Counts.Created, run.Counts.Duplicates));
    }

    [Fact]
    public async Task RecordsCommittedByAnotherRunWhileThisOneIsOpen_AreFoundAsDuplicates()
    {
        var run = await _f.Store.StartRunAsync("oa-push", "test", "m1", CancellationToken.None);
        var preparer = _f.Preparer("oa-push");
        await using var writer = await _f.Store.OpenWriterAsync(run, CancellationToken.None);
        var first = preparer.Prepare(Some.Record("msg-1"));
        await writer.WriteAsync([first], "1", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
        Assert.Equal(RecordOutcome.Created, first.Outcome);

        // Between two commit groups of the open run, another connector archives a document ...
        var other = await _f.SyncAsync(new ListConnector("oa-export", [Some.Record("x1", docNumber: "办〔2024〕9号")]));
        Assert.Equal(1, other.Counts.Created);

        // ... that the open run then receives as well: the filter built before must have learned of it.
        var second = preparer.Prepare(Some.Record("msg-2", docNumber: "办〔2024〕9号"));
        await writer.WriteAsync([second], "2", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);

        Assert.Equal(RecordOutcome.Duplicate, second.Outcome);
        Assert.NotNull(second.DuplicateOf);
    }

    [Fact]
    public async Task VersionCommittedByAnotherRunWhileThisOneIsOpen_ItsNewContentIsFound()
    {
        await _f.SyncAsync(new ListConnector("oa-export", [Some.Record("x1", title: "初稿", docNumber: "办〔2024〕5号")]));
        var run = await _f.Store.StartRunAsync("oa-push", "test", "m1", CancellationToken.None);
        var preparer = _f.Preparer("oa-push");
        await using var writer = await _f.Store.OpenWriterAsync(run, CancellationToken.None);
        await writer.WriteAsync([preparer.Prepare(Some.Record("msg-1"))], "1", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
        // The archive held one record at the start: the fingerprint filter pays (and is built) from the second batch on.
        await writer.WriteAsync([preparer.Prepare(Some.Record("msg-0"))], "2", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);

        // The other connector's record gets a new version (new fingerprint, same row) while this run is open.
        var versioned = await _f.SyncAsync(new ListConnector("oa-export", [Some.Record("x1", title: "定稿", docNumber: "办〔2024〕5号")]), full: true);
        Assert.Equal(1, versioned.Counts.Versioned);

        var second = preparer.Prepare(Some.Record("msg-2", title: "定稿", docNumber: "办〔2024〕5号"));
        await writer.WriteAsync([second], "3", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);

        Assert.Equal(RecordOutcome.Duplicate, second.Outcome);
    }
}
