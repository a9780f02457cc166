using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.Queries;
using ArchiveBridge.TestUtils;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage.Tests;

public sealed class ArchiveStoreTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 3);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Sync_FirstRun_CreatesEveryRecordAndCountsReconcile()
    {
        var connector = new ListConnector("c1", [.. Enumerable.Range(1, 10).Select(i => Some.Record($"k{i}"))]);

        var summary = await _f.SyncAsync(connector);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.Equal(10, summary.Counts.Read);
        Assert.Equal(10, summary.Counts.Created);
        Assert.True(summary.Counts.Reconciles);
        var stats = await new ArchiveQueries(_f.Store).StatisticsAsync(CancellationToken.None);
        Assert.Equal(10, stats.Records);
    }

    [Fact]
    public async Task Sync_SecondRunWithoutTokens_AllUnchanged()
    {
        var records = Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}")).ToList();
        await _f.SyncAsync(new ListConnector("c1", records));

        var second = await _f.SyncAsync(new ListConnector("c1", records), full: true);

        Assert.Equal(7, second.Counts.Unchanged);
        Assert.Equal(7, second.Counts.Read);
        Assert.Equal(0, second.Counts.Created);
    }

    [Fact]
    public async Task Sync_SecondRunWithKnownChangeTokens_UnchangedWithoutMapping()
    {
        var records = Enumerable.Range(1, 5).Select(i => Some.Record($"k{i}", token: $"t{i}")).ToList();
        await _f.SyncAsync(new ListConnector("c1", records));

        var second = await _f.SyncAsync(new ListConnector("c1", records), full: true);
        var afterMappingChange = await _f.SyncAsync(new ListConnector("c1", records), mappingHash: "m2", full: true);

        Assert.Equal(5, second.Counts.Unchanged);
        Assert.Equal(5, afterMappingChange.Counts.Unchanged);
        Assert.Equal(5, afterMappingChange.Counts.Read);
    }

    [Fact]
    public async Task KnownChangeTokenLookup_SearchesThePartialTokenIndex()
    {
        // The token index holds only non-null keys; the lookup must still use it, or every re-sync of a large
        // REST or database source would scan the records table once per batch.
        await using var connection = await _f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + ArchiveStore.KnownChangeTokensSql;
        foreach (var name in new[] { "$keys", "$c", "$run", "$mh" }) cmd.Parameters.AddWithValue(name, name == "$keys" ? "[1]" : "x");
        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_records_change_token_key", StringComparison.Ordinal));
        Assert.Equal(1, await _f.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'IX_records_change_token_key' AND sql LIKE '%WHERE%IS NOT NULL%'"));
    }

    [Fact]
    public async Task Sync_ExactDuplicateRowsInOneRun_OneRecordPlusDuplicates_ThenAllUnchanged()
    {
        var records = new List<SourceRecord> { Some.Record("a", token: "ta"), Some.Record("a", token: "ta"), Some.Record("b", token: "tb"), Some.Record("a", token: "ta") };

        var first = await _f.SyncAsync(new ListConnector("c1", records));
        var second = await _f.SyncAsync(new ListConnector("c1", records), full: true);

        Assert.Equal((2L, 2L), (first.Counts.Created, first.Counts.Duplicates));
        Assert.Equal(4, second.Counts.Unchanged);
    }

    [Fact]
    public async Task Sync_ChangedTitle_NewVersionKeepsCodeAndOldVersionReadable()
    {
        await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", title: "初稿")]));
        var before = await FindByKeyAsync("a");

        var run = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", title: "定稿")]), full: true);

        Assert.Equal(1, run.Counts.Versioned);
        var details = await new RecordQueries(_f.Store).FindAsync(before.ArchivalCode!, CancellationToken.None);
        Assert.NotNull(details);
        Assert.Equal(2, details.Version);
        Assert.Equal("定稿", details.Record.Title);
        Assert.Equal(before.ArchivalCode, details.ArchivalCode);
        Assert.Equal(["title"], details.Versions[^1].ChangedFields);
        var old = await new RecordQueries(_f.Store).VersionAsync(details.Id, 1, CancellationToken.None);
        Assert.Equal("初稿", old!.Title);
    }

    [Fact]
    public async Task Sync_SameContentUnderAnotherKey_IsLinkedAsDuplicateWithoutCode()
    {
        var run = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", docNumber: "办〔2024〕1号"), Some.Record("b", docNumber: "办〔2024〕1号")]));

        Assert.Equal((1L, 1L), (run.Counts.Created, run.Counts.Duplicates));
        var original = await FindByKeyAsync("a");
        var dup = await FindByKeyAsync("b");
        Assert.Equal(original.Id, dup.DuplicateOf);
        Assert.Null(dup.ArchivalCode);
        var details = await new RecordQueries(_f.Store).FindAsync(original.Id, CancellationToken.None);
        Assert.Equal("b", Assert.Single(details!.Duplicates).SourceKey);
    }

    [Fact]
    public async Task Sync_AcrossConnectors_SameContentIsDuplicate()
    {
        await _f.SyncAsync(new ListConnector("oa-export", [Some.Record("x1", docNumber: "办〔2024〕9号")]));
        var run = await _f.SyncAsync(new ListConnector("oa-push", [Some.Record("msg-77", docNumber: "办〔2024〕9号")]));

        Assert.Equal(1, run.Counts.Duplicates);
    }

    [Fact]
    public async Task Sync_ItemNumbers_ContiguousPerPartitionAndCodesFollowTemplate()
    {
        var records = new List<SourceRecord>
        {
            Some.Record("a", org: "BGS"), Some.Record("b", org: "RSC"), Some.Record("c", org: "BGS"),
            Some.Record("d", org: "BGS", retention: "Y"), Some.Record("e", org: "BGS"), Some.Record("f", org: null),
        };

        await _f.SyncAsync(new ListConnector("c1", records));

        Assert.Equal("Z001-WS·2024-D30-BGS-0001", (await FindByKeyAsync("a")).ArchivalCode);
        Assert.Equal("Z001-WS·2024-D30-RSC-0001", (await FindByKeyAsync("b")).ArchivalCode);
        Assert.Equal("Z001-WS·2024-D30-BGS-0002", (await FindByKeyAsync("c")).ArchivalCode);
        Assert.Equal("Z001-WS·2024-Y-BGS-0001", (await FindByKeyAsync("d")).ArchivalCode);
        Assert.Equal("Z001-WS·2024-D30-BGS-0003", (await FindByKeyAsync("e")).ArchivalCode);
        Assert.Equal("Z001-WS·2024-D30-0001", (await FindByKeyAsync("f")).ArchivalCode);
    }

    [Fact]
    public async Task Sync_TwoConcurrentRunsIntoOnePartition_ItemNumbersUniqueAndContiguous()
    {
        var left = new ListConnector("left", [.. Enumerable.Range(1, 40).Select(i => Some.Record($"L{i}", docNumber: $"左{i}"))]);
        var right = new ListConnector("right", [.. Enumerable.Range(1, 40).Select(i => Some.Record($"R{i}", docNumber: $"右{i}"))]);

        await Task.WhenAll(Task.Run(() => _f.SyncAsync(left)), Task.Run(() => _f.SyncAsync(right)));

        await using var db = _f.Store.CreateContext();
        var numbers = await db.Records.Where(r => r.PartitionKey != null).Select(r => r.ItemNo!.Value).OrderBy(n => n).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 80), numbers);
    }

    [Fact]
    public async Task Sync_ProblemRecords_QuarantinedWithRawPayload_ReRunUpdatesSameEntry()
    {
        var bad = new SourceRecord(Some.Record("bad").Fields) { Problem = new RecordProblem(ReasonCodes.MalformedRow, "unclosed quote"), RawText = "bad,\"row" };
        var records = new List<SourceRecord> { Some.Record("ok"), bad, Some.Record("nodate", date: "") };

        var first = await _f.SyncAsync(new ListConnector("c1", records));
        var second = await _f.SyncAsync(new ListConnector("c1", records), full: true);

        Assert.Equal(RunStatus.CompletedWithProblems, first.Status);
        Assert.Equal((1L, 2L), (first.Counts.Created, first.Counts.Quarantined));
        Assert.Equal(2, second.Counts.Quarantined);
        await using var db = _f.Store.CreateContext();
        var entries = await db.Quarantine.OrderBy(q => q.LineNumber).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(2, e.Attempts));
        Assert.Equal(ReasonCodes.MalformedRow, entries[0].Reason);
        Assert.Equal("bad,\"row", entries[0].RawText);
        Assert.Equal(ReasonCodes.MissingField, entries[1].Reason);
        Assert.Contains("\"title\":\"关于印发《档案管理办法》的通知\"", entries[1].RawPayload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RecordFixedAtSource_ClosesItsOpenQuarantineEntry()
    {
        await _f.SyncAsync(new ListConnector("c1", [Some.Record("a", date: "2024-13-45")]));

        var run = await _f.SyncAsync(new ListConnector("c1", [Some.Record("a")]), full: true);

        Assert.Equal(1, run.Counts.Created);
        await using var db = _f.Store.CreateContext();
        var entry = await db.Quarantine.SingleAsync();
        Assert.Equal("resolved", entry.Status);
        Assert.NotNull(entry.ResolvedRecordId);
    }

    [Fact]
    public async Task Sync_Checkpoint_StoredWithBatchAndUsedByNextRun()
    {
        var connector = new ListConnector("c1", [.. Enumerable.Range(1, 7).Select(i => Some.Record($"k{i}"))]);
        await _f.SyncAsync(connector);

        var second = await _f.SyncAsync(connector);

        Assert.Equal("7", await _f.Store.LoadCheckpointAsync("c1", CancellationToken.None));
        Assert.Equal("7", connector.CheckpointsSeen[^1]);
        Assert.Equal(0, second.Counts.Read);
    }

    [Fact]
    public async Task Sync_SourceFailsMidRun_RunFailedAndCheckpointAtLastStoredRecord()
    {
        var connector = new ListConnector("c1", [.. Enumerable.Range(1, 10).Select(i => Some.Record($"k{i}"))]) { FailAfter = 4 };

        var run = await _f.SyncAsync(connector);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("source went away", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, run.Counts.Created);
        Assert.True(run.Counts.Reconciles);
        Assert.Equal("4", await _f.Store.LoadCheckpointAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task Sync_StoreRefusesARecord_CommittedGroupsStayAndTheRestFailFromTheLastCommit()
    {
        // Batches of 3, a commit every 6 records: k1-k6 commit, k7-k9 are written, k10 is refused by the store.
        _f.Options.Pipeline.CommitRecords = 6;
        await RefuseAsync("k10");
        var connector = new ListConnector("c1", [.. Enumerable.Range(1, 12).Select(i => Some.Record($"k{i}"))]);

        var run = await _f.SyncAsync(connector);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("store error", run.Error, StringComparison.Ordinal);
        Assert.Equal(6, run.Counts.Created);
        Assert.True(run.Counts.Reconciles);
        Assert.Equal(12, run.Counts.Read);
        Assert.Equal(6, run.Counts.Failed);
        Assert.Equal("6", await _f.Store.LoadCheckpointAsync("c1", CancellationToken.None));
        Assert.Equal(6, await CountAsync("SELECT count(*) FROM records"));
    }

    [Fact]
    public async Task Sync_AfterTheStoreRefusedRecords_NextRunResumesFromTheLastCommit()
    {
        _f.Options.Pipeline.CommitRecords = 6;
        await RefuseAsync("k10");
        var connector = new ListConnector("c1", [.. Enumerable.Range(1, 12).Select(i => Some.Record($"k{i}"))]);
        await _f.SyncAsync(connector);
        await ExecuteAsync("DROP TRIGGER refuse");

        var second = await _f.SyncAsync(connector);

        Assert.Equal(RunStatus.Succeeded, second.Status);
        Assert.Equal(6, second.Counts.Read);
        Assert.Equal(6, second.Counts.Created);
        Assert.Equal(12, await CountAsync("SELECT count(*) FROM records"));
    }

    [Fact]
    public async Task RunWriter_BatchesBeforeCommit_InvisibleToOthersThenDurableTogether()
    {
        var run = await _f.Store.StartRunAsync("c1", "test", "m1", CancellationToken.None);
        var preparer = _f.Preparer("c1");
        await using var writer = await _f.Store.OpenWriterAsync(run, CancellationToken.None);

        await writer.WriteAsync([preparer.Prepare(Some.Record("a"))], "1", CancellationToken.None);
        await writer.WriteAsync([preparer.Prepare(Some.Record("b")), preparer.Prepare(Some.Record("c"))], "3", CancellationToken.None);

        Assert.Equal(3, writer.Uncommitted);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM records"));
        Assert.Null(await _f.Store.LoadCheckpointAsync("c1", CancellationToken.None));
        await writer.CommitAsync(CancellationToken.None);
        Assert.Equal(0, writer.Uncommitted);
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM records"));
        Assert.Equal("3", await _f.Store.LoadCheckpointAsync("c1", CancellationToken.None));
    }

    private Task RefuseAsync(string sourceKey) => ExecuteAsync(
        $"CREATE TRIGGER refuse BEFORE INSERT ON records WHEN NEW.source_key = '{sourceKey}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private Task<long> CountAsync(string sql) => _f.ScalarAsync(sql);

    [Fact]
    public async Task Sync_Attachments_StoredOnceBySha256AndPartOfFingerprint()
    {
        var connector = new ListConnector("c1", [Some.Record("a", files: "x.pdf"), Some.Record("b", files: "y.pdf"), Some.Record("c", files: "missing.pdf")]);
        connector.Files["x.pdf"] = "%PDF-1.4 same"u8.ToArray();
        connector.Files["y.pdf"] = "%PDF-1.4 same"u8.ToArray();

        var run = await _f.SyncAsync(connector);

        Assert.Equal((2L, 1L), (run.Counts.Created, run.Counts.Quarantined));
        var stats = await new ArchiveQueries(_f.Store).StatisticsAsync(CancellationToken.None);
        Assert.Equal(1, stats.Blobs);
        Assert.Equal(13, stats.BytesSavedByDedup);
        var a = await FindByKeyAsync("a");
        var b = await FindByKeyAsync("b");
        Assert.NotEqual(a.Fingerprint, b.Fingerprint); // different 文号, same file
        await using var db = _f.Store.CreateContext();
        Assert.Equal(ReasonCodes.AttachmentMissing, (await db.Quarantine.SingleAsync()).Reason);
    }

    [Fact]
    public async Task StartRun_WhileAnotherRunHoldsTheLease_Throws()
    {
        var first = await _f.Store.StartRunAsync("c1", "cli", null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<RunLeaseException>(() => _f.Store.StartRunAsync("c1", "schedule", null, CancellationToken.None));

        Assert.Contains(first.RunId, ex.Holder, StringComparison.Ordinal);
        await _f.Store.FinishRunAsync(first, new RunCounts(), RunStatus.Succeeded, null, CancellationToken.None);
        var third = await _f.Store.StartRunAsync("c1", "schedule", null, CancellationToken.None);
        Assert.NotEqual(first.RunId, third.RunId);
    }

    [Fact]
    public async Task Sync_StoredRecordJson_IsContentAloneWithOrWithoutAttachments()
    {
        // Records with files are completed later in the pipeline than records without; both must be stored the
        // same way: 档号 and 件号 are the store's (columns), not part of the archived content.
        var connector = new ListConnector("c1", [Some.Record("plain"), Some.Record("filed", files: "x.pdf")]);
        connector.Files["x.pdf"] = "%PDF-1.4 content"u8.ToArray();

        var run = await _f.SyncAsync(connector);

        Assert.Equal(2, run.Counts.Created);
        foreach (var key in new[] { "plain", "filed" })
        {
            var row = await FindByKeyAsync(key);
            Assert.NotNull(row.ArchivalCode);
            using var json = System.Text.Json.JsonDocument.Parse(row.Metadata);
            Assert.False(json.RootElement.TryGetProperty("archivalCode", out _), $"{key}: {row.Metadata}");
            Assert.False(json.RootElement.TryGetProperty("itemNo", out _), $"{key}: {row.Metadata}");
            // What the row's columns hold is not written twice: they are laid over the JSON when it is read.
            foreach (var column in new[] { "id", "version", "fingerprint", "fonds", "category", "year", "retention", "org", "title", "docNumber", "date" })
                Assert.False(json.RootElement.TryGetProperty(column, out _), $"{key}: {column} in {row.Metadata}");
            var source = json.RootElement.GetProperty("source");
            Assert.False(source.TryGetProperty("connectorId", out _) || source.TryGetProperty("sourceKey", out _), $"{key}: {row.Metadata}");
            var read = (await new RecordQueries(_f.Store).FindAsync(row.Id, CancellationToken.None))!.Record;
            Assert.Equal(row.Fingerprint, RecordFingerprint.Compute(read));
            Assert.Equal((row.Title, row.Date, row.Category), (read.Title, read.Date, read.Category));
            Assert.Equal((row.ArchivalCode, row.ItemNo, row.Version, row.Fingerprint, "c1", key),
                (read.ArchivalCode, read.ItemNo, read.Version, read.Fingerprint, read.Source.ConnectorId, read.Source.SourceKey));
        }
    }

    [Fact]
    public async Task OpenAsync_Connection_CutsTheWalBackWhenItStartsOver()
    {
        // Without a limit SQLite keeps the WAL file as large as a big load made it (1.6 GB after a million records).
        await using var connection = await _f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_size_limit";

        Assert.Equal(Sql.WalSizeLimitBytes, (long)(await cmd.ExecuteScalarAsync())!);
    }

    private async Task<Entities.RecordEntity> FindByKeyAsync(string key)
    {
        await using var db = _f.Store.CreateContext();
        return await db.Records.AsNoTracking().SingleAsync(r => r.SourceKey == key);
    }
}
