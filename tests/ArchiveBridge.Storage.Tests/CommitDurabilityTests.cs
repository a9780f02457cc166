using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveBridge.Storage.Tests;

/// <summary>
/// A commit group is synced to disk only when it has to be: before a source is told "archived"; otherwise the
/// synced write that ends the run covers it. The store underneath is the real one; a decorator notes what the
/// runner asks of it.
/// </summary>
public sealed class CommitDurabilityTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 3);
    private readonly List<string> _events = [];

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task PullWithoutWriteBack_CommitsDeferred_RunEndSynced()
    {
        var records = Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}")).ToList();

        var run = await RunAsync(new ListConnector("c1", records));

        Assert.True(run.Counts.Created == 7, $"{run.Status} {run.Error} created {run.Counts.Created} dup {run.Counts.Duplicates} q {run.Counts.Quarantined} failed {run.Counts.Failed} unchanged {run.Counts.Unchanged}");
        Assert.Equal(["writer Deferred", "commit", "commit", "commit", "finished"], _events);
    }

    [Fact]
    public async Task SourceToldArchived_OnlyAfterAFlushedCommit()
    {
        var records = Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}")).ToList();

        var run = await RunAsync(new AcknowledgingConnector(new ListConnector("c1", records), _events));

        Assert.True(run.Counts.Created == 7, $"{run.Status} {run.Error} created {run.Counts.Created} dup {run.Counts.Duplicates} q {run.Counts.Quarantined} failed {run.Counts.Failed} unchanged {run.Counts.Unchanged}");
        Assert.Equal(["writer Flushed", "commit", "acknowledged 3", "commit", "acknowledged 3", "commit", "acknowledged 1", "finished"], _events);
    }

    [Theory]
    [InlineData(50_000, 3)] // the store asks for smaller commits than configured: granted
    [InlineData(3, 1000)] // larger: the configured size stands
    public async Task StoreAsksForACommitSize_RunnerCommitsAtTheSmallerOfItAndTheConfiguredOne(int configured, int asked)
    {
        var records = Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}")).ToList();

        var run = await RunAsync(new ListConnector("c1", records), configured, asked);

        Assert.Equal(7, run.Counts.Created);
        Assert.Equal(["writer Deferred", "commit", "commit", "commit", "finished"], _events);
    }

    [Fact]
    public async Task StoreAsksNothing_ConfiguredSizeAlone()
    {
        var records = Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}")).ToList();

        await RunAsync(new ListConnector("c1", records), commitRecords: 50_000);

        Assert.Equal(["writer Deferred", "commit", "finished"], _events);
    }

    private Task<RunSummary> RunAsync(ISourceConnector connector, int commitRecords = 3, int? storeAsks = null)
    {
        // Commits by count alone: a slow machine must not add one by the clock (the interval is the runner's other trigger).
        var options = new ArchiveBridgeOptions { Pipeline = { BatchSize = 3, CommitRecords = commitRecords, CommitInterval = TimeSpan.FromHours(1) } };
        var runner = new SyncRunner(new RecordingStore(_f.Store, _events, storeAsks), _f.Blobs, options, TimeProvider.System, NullLogger<SyncRunner>.Instance);
        return runner.RunAsync(_f.Runtime(connector), new SyncRequest(), null, CancellationToken.None);
    }

    [Fact]
    public async Task DeferredWriter_ItsConnectionBackInThePool_SyncsAgain()
    {
        // The run's end is written on a pooled connection, maybe the writer's own: it must sync (FULL), or the
        // write that ends a run would not cover the commits before it.
        using var dir = new TempDirectory();
        var pooled = new ArchiveStore($"Data Source={dir.Combine("archive.db")}", ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate), TimeProvider.System);
        await pooled.InitializeAsync(CancellationToken.None);
        var run = await pooled.StartRunAsync("c1", "test", "m1", CancellationToken.None);
        await using (var writer = await pooled.OpenWriterAsync(run, CommitDurability.Deferred, CancellationToken.None))
        {
            await writer.WriteAsync([], "1", CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        await using var connection = await pooled.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!); // FULL
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed class AcknowledgingConnector(ListConnector inner, List<string> events) : ISourceConnector, IArchiveAcknowledger
    {
        public string Id => inner.Id;

        public IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, CancellationToken cancellationToken) => inner.ReadAsync(context, cancellationToken);

        public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
            inner.OpenAttachmentAsync(reference, cancellationToken);

        public ValueTask AcknowledgeAsync(IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken)
        {
            events.Add($"acknowledged {items.Count}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RecordingStore(IArchiveStore inner, List<string> events, int? asks = null) : IArchiveStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<string?> LoadCheckpointAsync(string connectorId, CancellationToken cancellationToken) => inner.LoadCheckpointAsync(connectorId, cancellationToken);

        public Task<RunContext> StartRunAsync(string connectorId, string trigger, string? mappingHash, CancellationToken cancellationToken) =>
            inner.StartRunAsync(connectorId, trigger, mappingHash, cancellationToken);

        public Task<IReadOnlySet<string>> FindKnownChangeTokensAsync(RunContext run, IReadOnlyCollection<string> tokens, CancellationToken cancellationToken) =>
            inner.FindKnownChangeTokensAsync(run, tokens, cancellationToken);

        public async Task<IRunWriter> OpenWriterAsync(RunContext run, CommitDurability durability, CancellationToken cancellationToken)
        {
            events.Add($"writer {durability}");
            return new RecordingWriter(await inner.OpenWriterAsync(run, durability, cancellationToken), events, asks);
        }

        public async Task FinishRunAsync(RunContext run, RunCounts counts, string status, string? error, CancellationToken cancellationToken)
        {
            await inner.FinishRunAsync(run, counts, status, error, cancellationToken);
            events.Add("finished");
        }
    }

    private sealed class RecordingWriter(IRunWriter inner, List<string> events, int? asks) : IRunWriter
    {
        public int Uncommitted => inner.Uncommitted;

        public int? CommitRecords => asks ?? inner.CommitRecords;

        public Task WriteAsync(IReadOnlyList<PreparedRecord> batch, string? checkpoint, CancellationToken cancellationToken) =>
            inner.WriteAsync(batch, checkpoint, cancellationToken);

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await inner.CommitAsync(cancellationToken);
            events.Add("commit");
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
