using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.InitialLoad;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.InitialLoad;

/// <summary>
/// A large first sync into an empty archive drops the records indexes and builds them at its end. It must decide
/// exactly as an indexed run would, keep every other run out while the indexes are down, and never leave them
/// down: not when it finishes, not when it dies.
/// </summary>
public sealed class InitialLoadTests : IDisposable
{
    private static readonly string IndexList = string.Join(", ", DeferredIndexes.Names.Select(n => $"'{n}'"));
    private readonly List<StoreFixture> _fixtures = [];

    public void Dispose()
    {
        foreach (var f in _fixtures) f.Dispose();
    }

    private StoreFixture Fixture(long initialLoadAfter)
    {
        var f = new StoreFixture(batchSize: 2, initialLoadAfter: initialLoadAfter);
        f.Options.Pipeline.CommitRecords = 4;
        _fixtures.Add(f);
        return f;
    }

    /// <summary>Eight new documents, then (after the switch) a repeated row, a changed row and another key's copy of a document.</summary>
    private static List<SourceRecord> FirstExport() =>
    [
        .. Enumerable.Range(1, 8).Select(i => Some.Record($"k{i}")),
        Some.Record("k2"),
        Some.Record("k3", title: "关于印发《档案管理办法》的通知（修订）"),
        Some.Record("k9", docNumber: "示范〔2024〕k5号"),
        Some.Record("k10"),
    ];

    [Fact]
    public async Task InitialLoad_DecidesExactlyAsAnIndexedRun_AndEndsWithEveryIndexBuilt()
    {
        var loaded = Fixture(initialLoadAfter: 4);
        var indexed = Fixture(initialLoadAfter: 0);

        var load = await loaded.SyncAsync(new ListConnector("hr", FirstExport()));
        var plain = await indexed.SyncAsync(new ListConnector("hr", FirstExport()));

        Assert.Equal(1, await loaded.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.started'"));
        Assert.Equal(0, await indexed.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.started'"));
        Assert.Equal((9L, 1L, 2L), (load.Counts.Created, load.Counts.Versioned, load.Counts.Duplicates));
        Assert.Equal(Tally(plain.Counts), Tally(load.Counts));
        const string Rows = "SELECT group_concat(source_key || ':' || version || ':' || (duplicate_of IS NULL) || ':' || coalesce(archival_code, '-'), ' ') " +
            "FROM (SELECT * FROM records ORDER BY source_key)";
        Assert.Equal(await StringAsync(indexed, Rows), await StringAsync(loaded, Rows));
        Assert.Equal(DeferredIndexes.Names.Length, await loaded.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})"));
        Assert.Equal(0, await loaded.ScalarAsync("SELECT count(*) FROM deferred_indexes"));
        Assert.Equal(1, await loaded.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.finished' AND actor = 'pipeline'"));

        // The next sync of the same export runs on the rebuilt indexes: nothing new.
        var again = await loaded.SyncAsync(new ListConnector("hr", FirstExport()), full: true);
        Assert.Equal((0L, 0L), (again.Counts.Created, again.Counts.Versioned));
    }

    [Fact]
    public async Task WhileIndexesAreDown_OtherConnectorsCannotStart_AndCanOnceTheLoadHasFinished()
    {
        var (f, run) = await LoadingRunAsync();
        Assert.Equal(0, await f.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})"));
        Assert.Equal(DeferredIndexes.Names.Length, await f.ScalarAsync("SELECT count(*) FROM deferred_indexes"));

        var refused = await Assert.ThrowsAsync<RunLeaseException>(() => f.Store.StartRunAsync("oa", "test", "m1", CancellationToken.None));
        Assert.Contains("initial load of connector 'hr'", refused.Message, StringComparison.Ordinal);

        await f.Store.FinishRunAsync(run, new RunCounts(), RunStatus.Succeeded, null, CancellationToken.None);
        Assert.Equal(DeferredIndexes.Names.Length, await f.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})"));
        var other = await f.SyncAsync(new ListConnector("oa", [Some.Record("x")]));
        Assert.Equal(1, other.Counts.Created);
    }

    [Fact]
    public async Task RunEnd_BuildsEachIndexInItsOwnCommit_AndHandsTheConnectionBackSynced()
    {
        var (f, run) = await LoadingRunAsync();
        await using var connection = await f.Store.OpenAsync(CancellationToken.None);
        var indexesAtEachCommit = new List<long>();

        await DeferredIndexes.BuildEachAsync(connection, run.RunId, "2026-11-27T00:00:00.000Z", () =>
        {
            // Called after each commit: the built indexes are durable one by one, each with its row forgotten.
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})) + (SELECT count(*) FROM deferred_indexes)";
            indexesAtEachCommit.Add((long)count.ExecuteScalar()!);
        }, CancellationToken.None);

        // Built indexes plus those still deferred stay at four at every commit: none is lost between them.
        Assert.Equal(Enumerable.Repeat((long)DeferredIndexes.Names.Length, DeferredIndexes.Names.Length), indexesAtEachCommit);
        Assert.Equal(0, await f.ScalarAsync("SELECT count(*) FROM deferred_indexes"));
        Assert.Equal(1, await f.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.finished' AND actor = 'pipeline'"));
        await using var synchronous = connection.CreateCommand();
        synchronous.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await synchronous.ExecuteScalarAsync()); // FULL, as every pooled connection of the store
    }

    [Fact]
    public async Task RunEnd_AnIndexAnotherConnectionBuiltBetweenTwoCommits_IsForgottenNotBuiltTwice()
    {
        var (f, run) = await LoadingRunAsync();
        // Built in name order: the last one is built by another connection after the first commit.
        var last = DeferredIndexes.Names.Order(StringComparer.Ordinal).Last();
        var definition = await StringAsync(f, $"SELECT definition FROM deferred_indexes WHERE name = '{last}'");
        await using var connection = await f.Store.OpenAsync(CancellationToken.None);
        var commits = 0;

        await DeferredIndexes.BuildEachAsync(connection, run.RunId, "2026-11-27T00:00:00.000Z", () =>
        {
            if (++commits == 1) f.ScalarAsync($"{definition}; SELECT 0").GetAwaiter().GetResult();
        }, CancellationToken.None);

        Assert.Equal(DeferredIndexes.Names.Length, commits);
        Assert.Equal(DeferredIndexes.Names.Length, await f.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})"));
        Assert.Equal(0, await f.ScalarAsync("SELECT count(*) FROM deferred_indexes"));
    }

    [Fact]
    public async Task LoadWhoseRunIsGone_IsFinishedByTheNextStart()
    {
        var (f, run) = await LoadingRunAsync();
        // The run dies without finishing (its lease runs out, as after a power cut on another node).
        await f.ScalarAsync("UPDATE leases SET expires_at = '2000-01-01T00:00:00.000Z' RETURNING 0");

        await f.Store.InitializeAsync(CancellationToken.None);

        Assert.Equal(DeferredIndexes.Names.Length, await f.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({IndexList})"));
        Assert.Equal(0, await f.ScalarAsync("SELECT count(*) FROM deferred_indexes"));
        Assert.Equal(1, await f.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.finished' AND actor = 'recovery'"));
        var rerun = await f.SyncAsync(new ListConnector("hr", [Some.Record("a"), Some.Record("b"), Some.Record("c")]), full: true);
        Assert.Equal((1L, 2L), (rerun.Counts.Created, rerun.Counts.Unchanged));
    }

    [Fact]
    public async Task FirstSyncIntoAnArchiveThatHoldsOtherRecords_KeepsItsIndexes()
    {
        var f = Fixture(initialLoadAfter: 2);
        await f.SyncAsync(new ListConnector("oa", [Some.Record("x")]));

        var run = await f.SyncAsync(new ListConnector("hr", [.. Enumerable.Range(1, 8).Select(i => Some.Record($"k{i}"))]));

        Assert.Equal(8, run.Counts.Created);
        Assert.Equal(0, await f.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'initial_load.started'"));
    }

    /// <summary>A run of "hr" into an empty archive that has committed past its switch to initial load and is still open.</summary>
    private async Task<(StoreFixture, RunContext)> LoadingRunAsync()
    {
        var f = Fixture(initialLoadAfter: 2);
        var run = await f.Store.StartRunAsync("hr", "test", "m1", CancellationToken.None);
        var preparer = f.Preparer("hr");
        await using var writer = await f.Store.OpenWriterAsync(run, CancellationToken.None);
        await writer.WriteAsync([preparer.Prepare(Some.Record("a")), preparer.Prepare(Some.Record("b"))], "2", CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
        return (f, run);
    }

    private static (long, long, long, long, long, long, long) Tally(RunCounts c) =>
        (c.Read, c.Created, c.Versioned, c.Unchanged, c.Duplicates, c.Quarantined, c.Failed);

    private static async Task<string> StringAsync(StoreFixture f, string sql)
    {
        await using var connection = await f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
