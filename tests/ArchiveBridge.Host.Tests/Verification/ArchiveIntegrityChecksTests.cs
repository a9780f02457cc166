using ArchiveBridge.Core.Checks;
using ArchiveBridge.Host.Tests.Cli;
using ArchiveBridge.Host.Tests.Reports;
using ArchiveBridge.Host.Verification;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Verification;

/// <summary>The archive-wide 四性 checks of <c>verify</c>, on a real store changed with plain SQL as a tamperer would.</summary>
public sealed class ArchiveIntegrityChecksTests : IDisposable
{
    private const string Partition = "Z001-WS·2024-D30-BGS-{itemNo}";
    private readonly TestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Verify_HealthySyncedStoreWithDuplicateLinkAndResync_PassesWithoutArchiveProblems()
    {
        await SyncAsync();
        await _archive.SyncAsync(new ListConnector("erp", [Some.Record("a", docNumber: "示范〔2024〕a号"), Some.Record("e1", category: "KJ")]));
        await SyncAsync();
        Assert.Equal(1L, await _archive.ScalarAsync<long>("SELECT count(*) FROM records WHERE duplicate_of IS NOT NULL"));

        var (summary, problems) = await VerifyAsync();

        Assert.Empty(problems);
        Assert.Equal((2L, 3L), (summary.Partitions, summary.Runs)); // WS and KJ; erp's "a" is a duplicate link without a 档号
        Assert.Equal(0, await _archive.CliAsync("verify"));
    }

    [Fact]
    public async Task Verify_RecordRowDeleted_NamesPartitionAndMissingItemNo()
    {
        await SyncAsync();
        await _archive.ExecuteAsync("DELETE FROM records WHERE item_no = 3");

        var (summary, problems) = await VerifyAsync();

        var p = Assert.Single(problems);
        Assert.Equal((FixityCheckId.ItemNoContiguous, FixityProblem.Fail, Partition), (p.CheckId, p.Level, p.PartitionKey));
        Assert.Null(p.RecordId);
        Assert.Equal("the 件号 are not 1..5 as allocated: missing 3 (1 in all: deleted records)", p.Message);
        Assert.Equal("件号不是已分配的 1..5：缺少 3（共 1 个：记录被删除）", p.MessageZh);
        Assert.StartsWith($"FAIL integrity.item_no_contiguous  partition {Partition}: ", p.ToString(), StringComparison.Ordinal);
        Assert.False(summary.Ok);
        Assert.Equal(1, await _archive.CliAsync("verify"));
    }

    [Fact]
    public async Task Verify_ManyRowsDeleted_ListsTheFirstTwentyMissingAndCountsAll()
    {
        await _archive.SyncAsync(new ListConnector("oa", [.. Enumerable.Range(1, 30).Select(i => Some.Record($"k{i}"))]));
        await _archive.ExecuteAsync("DELETE FROM records WHERE item_no BETWEEN 2 AND 25 AND item_no <> 10");

        var (_, problems) = await VerifyAsync();

        var p = Assert.Single(problems);
        Assert.Contains("missing 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, … (23 in all", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HandMadeRowBeyondTheAllocator_NamesTheNumber()
    {
        await SyncAsync();
        await CopyRecordAsync("'Z001-WS·2024-D30-BGS-0007'", "7");

        var (_, problems) = await VerifyAsync();

        var p = Assert.Single(problems, p => p.Level == FixityProblem.Fail);
        Assert.Equal((FixityCheckId.ItemNoContiguous, Partition), (p.CheckId, p.PartitionKey));
        Assert.Equal("the 件号 are not 1..5 as allocated: beyond the allocated 5: 7 (rows ArchiveBridge did not allocate)", p.Message);
    }

    [Fact]
    public async Task Verify_UniqueIndexDroppedAndArchivalCodeCopied_DuplicateArchivalCodeFails()
    {
        await SyncAsync();
        await CopyRecordAsync("archival_code", "item_no", partitionKey: "NULL");

        var (summary, problems) = await VerifyAsync();

        var p = Assert.Single(problems, p => p.Level == FixityProblem.Fail);
        var original = await _archive.ScalarAsync<string>("SELECT id FROM records WHERE source_key = 'b' AND connector_id = 'oa'");
        var sameDocument = Assert.Single(problems, p => p.Level == FixityProblem.Warn); // the copy is also the same 文号 + 题名
        Assert.Equal((FixityCheckId.DocNumberTitleUnique, "zz-copy"), (sameDocument.CheckId, sameDocument.RecordId));
        Assert.Equal((FixityCheckId.ArchivalCodeUnique, FixityProblem.Fail), (p.CheckId, p.Level));
        Assert.Equal(("zz-copy", "b-copy", "Z001-WS·2024-D30-BGS-0002"), (p.RecordId, p.SourceKey, p.ArchivalCode));
        Assert.Equal($"档号 Z001-WS·2024-D30-BGS-0002 is also held by record {original} (oa/b): 2 records hold one 档号", p.Message);
        Assert.False(summary.Ok);
        Assert.Equal(1, await _archive.CliAsync("verify"));
        Assert.Equal(0, await _archive.CliAsync("verify", "--connector", "erp"));
    }

    [Fact]
    public async Task Verify_SameDocNumberAndTitleFromAnotherSource_WarnsNamingBothAndPasses()
    {
        await _archive.SyncAsync(new ListConnector("oa", [Some.Record("a", docNumber: "办〔2024〕7号")]));
        await _archive.SyncAsync(new ListConnector("erp", [Some.Record("x", docNumber: "办〔2024〕7号", date: "2024-03-06")]));

        var (summary, problems) = await VerifyAsync();

        var p = Assert.Single(problems);
        var first = await _archive.ScalarAsync<string>("SELECT id FROM records WHERE connector_id = 'oa'");
        Assert.Equal((FixityCheckId.DocNumberTitleUnique, FixityProblem.Warn), (p.CheckId, p.Level));
        Assert.Equal(("erp", "x", "Z001-WS·2024-D30-BGS-0002"), (p.Connector, p.SourceKey, p.ArchivalCode));
        Assert.Contains($"record {first} 档号 Z001-WS·2024-D30-BGS-0001 (oa/a)", p.Message, StringComparison.Ordinal);
        Assert.Contains("办〔2024〕7号", p.MessageZh, StringComparison.Ordinal);
        Assert.True(summary.Ok);
        Assert.Equal(1, summary.Warnings);
        Assert.Equal(0, await _archive.CliAsync("verify"));
    }

    [Fact]
    public async Task Verify_RunCreatedCountEdited_NamesTheRunAndFails()
    {
        var run = await SyncAsync();
        await _archive.ExecuteAsync($"UPDATE runs SET created = created + 1 WHERE id = '{run}'");

        var (summary, problems) = await VerifyAsync();

        var p = Assert.Single(problems);
        Assert.Equal((FixityCheckId.RunCountsReconcile, FixityProblem.Fail, run, "oa"), (p.CheckId, p.Level, p.RunId, p.Connector));
        Assert.Contains("read 5 ≠ created 6 + versioned 0 + unchanged 0 + duplicates 0 + quarantined 0 + failed 0 = 6", p.Message, StringComparison.Ordinal);
        Assert.StartsWith($"FAIL integrity.run_counts_reconcile  run {run} (oa): ", p.ToString(), StringComparison.Ordinal);
        Assert.False(summary.Ok);
        Assert.Equal(1, await _archive.CliAsync("verify", "--json"));
        Assert.Equal(0, await _archive.CliAsync("verify", "--connector", "erp"));
    }

    [Fact]
    public async Task VerifyCli_GapAndEditedRun_TextAndJsonNameThemAndExit1()
    {
        var run = await SyncAsync();
        await _archive.ExecuteAsync($"DELETE FROM records WHERE item_no = 4; UPDATE runs SET read = 9 WHERE id = '{run}'");

        var text = await CliProcess.RunAsync(null, "verify", "--config", _archive.WriteConfig());
        var json = await CliProcess.RunAsync(null, "verify", "--json", "--config", _archive.WriteConfig());

        Assert.Equal((1, 1), (text.ExitCode, json.ExitCode));
        Assert.Contains($"FAIL integrity.item_no_contiguous  partition {Partition}: 件号不是已分配的 1..5：缺少 4", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"FAIL integrity.run_counts_reconcile  run {run} (oa)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 records, 0 attachment references, 0 files read (0 bytes), 1 件号 partitions, 1 runs; 2 failures", text.Stdout, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal([FixityCheckId.ItemNoContiguous, FixityCheckId.RunCountsReconcile], problems.Select(p => p.GetProperty("checkId").GetString()));
        Assert.Equal(Partition, problems[0].GetProperty("partitionKey").GetString());
        Assert.Equal(run, problems[1].GetProperty("runId").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("failures").GetInt64());
    }

    /// <summary>Five records of connector oa in partition <see cref="Partition"/>, 件号 1..5 in key order; returns the run id.</summary>
    private async Task<string> SyncAsync()
    {
        var run = await _archive.SyncAsync(new ListConnector("oa", [.. "abcde".Select(c => Some.Record(c.ToString()))]));
        return run.RunId;
    }

    /// <summary>A copy of oa/b as a new identity (id zz-copy, key b-copy) with the unique 档号 index dropped.</summary>
    private Task CopyRecordAsync(string archivalCode, string itemNo, string partitionKey = "partition_key") => _archive.ExecuteAsync($"""
        DROP INDEX IX_records_archival_code;
        CREATE TEMP TABLE copy AS SELECT * FROM records WHERE connector_id = 'oa' AND source_key = 'b';
        UPDATE copy SET id = 'zz-copy', source_key = 'b-copy', archival_code = {archivalCode}, item_no = {itemNo}, partition_key = {partitionKey};
        INSERT INTO records SELECT * FROM copy;
        """);

    private async Task<(FixitySummary Summary, List<FixityProblem> Problems)> VerifyAsync(FixityRequest? request = null)
    {
        var options = new CheckOptions();
        var verifier = new FixityVerifier(_archive.Store, _archive.Blobs, new RecordChecker(options, _archive.Template), new AttachmentChecker(options));
        var problems = new List<FixityProblem>();
        var summary = await verifier.VerifyAsync(request ?? new FixityRequest(), (p, _) =>
        {
            problems.Add(p);
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return (summary, problems);
    }
}
