using ArchiveBridge.Storage.Audit;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Audit;

public sealed class AuditVerifierTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task VerifyAsync_IntactChain_PassesAndReportsHead()
    {
        await SyncSomeAsync();

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact);
        var count = await ScalarAsync("SELECT count(*) FROM audit_log");
        Assert.True(count >= 5);
        Assert.Equal(count, result.EntriesChecked);
        Assert.Equal(count, result.Head!.Seq);
        Assert.Equal(await TextAsync($"SELECT hash FROM audit_log WHERE seq = {count}"), result.Head.Hash);
    }

    [Fact]
    public async Task VerifyAsync_EmptyLog_IsIntactWithoutHead()
    {
        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.True(result.Intact);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.Head);
    }

    [Fact]
    public async Task VerifyAsync_OneFieldEditedWithSql_NamesThatSeqAsEdited()
    {
        await SyncSomeAsync();
        await ExecuteAsync("UPDATE audit_log SET details = replace(details, '\"unchanged\":0', '\"unchanged\":5') WHERE seq = 3");

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(3, result.Break!.Seq);
        Assert.Equal(AuditBreakKind.Edited, result.Break.Kind);
        Assert.Contains("seq 3", result.Break.Message, StringComparison.Ordinal);
        Assert.Contains("edited", result.Break.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Head!.Seq);
    }

    [Fact]
    public async Task VerifyAsync_ActorEdited_Found()
    {
        await SyncSomeAsync();
        await ExecuteAsync("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1");

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.Equal((1L, AuditBreakKind.Edited), (result.Break!.Seq, result.Break.Kind));
    }

    [Fact]
    public async Task VerifyAsync_RowDeleted_NamesTheSeqAfterTheGap()
    {
        await SyncSomeAsync();
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 2");

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.False(result.Intact);
        Assert.Equal(3, result.Break!.Seq);
        Assert.Equal(AuditBreakKind.Gap, result.Break.Kind);
        Assert.Contains("entry 2 was deleted", result.Break.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_RowDeletedAndLaterSeqsRenumbered_UnlinkedAtTheSeqAfter()
    {
        await SyncSomeAsync();
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 2");
        await ExecuteAsync("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2");

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.Equal((2L, AuditBreakKind.Unlinked), (result.Break!.Seq, result.Break.Kind));
    }

    [Fact]
    public async Task VerifyAsync_EntryEditedAndReHashed_UnlinkedAtTheNextSeq()
    {
        await SyncSomeAsync();
        var e = await ReadEntryAsync(2);
        var forged = AuditChain.ComputeHash(e.PrevHash, e.Seq, e.At, "forger", e.Action, e.Subject, e.Details);
        await ExecuteAsync($"UPDATE audit_log SET actor = 'forger', hash = '{forged}' WHERE seq = 2");

        var result = await new AuditVerifier(_f.Store).VerifyAsync(null, CancellationToken.None);

        Assert.Equal((3L, AuditBreakKind.Unlinked), (result.Break!.Seq, result.Break.Kind));
        Assert.Equal(forged, result.Break.Expected);
    }

    [Fact]
    public async Task VerifyAsync_LastEntriesCutOff_FoundOnlyWithAnAnchor()
    {
        await SyncSomeAsync();
        var verifier = new AuditVerifier(_f.Store);
        var anchor = await verifier.HeadAsync(null, CancellationToken.None);
        await ExecuteAsync($"DELETE FROM audit_log WHERE seq >= {anchor!.Seq - 1}");

        var without = await verifier.VerifyAsync(null, CancellationToken.None);
        var with = await verifier.VerifyAsync(anchor, CancellationToken.None);

        Assert.True(without.Intact);
        Assert.Equal(AuditBreakKind.Truncated, with.Break!.Kind);
        Assert.Equal(anchor.Seq - 1, with.Break.Seq);
    }

    [Fact]
    public async Task VerifyAsync_AnchorHashDiffers_AnchorMismatch()
    {
        await SyncSomeAsync();
        var verifier = new AuditVerifier(_f.Store);
        var head = await verifier.HeadAsync(null, CancellationToken.None);

        var result = await verifier.VerifyAsync(head! with { Hash = new string('a', 64) }, CancellationToken.None);

        Assert.Equal((head!.Seq, AuditBreakKind.AnchorMismatch), (result.Break!.Seq, result.Break.Kind));
    }

    [Fact]
    public async Task HeadAsync_Before_ReturnsLastEntryWrittenBeforeThatMoment()
    {
        await SyncSomeAsync();
        var verifier = new AuditVerifier(_f.Store);
        var second = await ReadEntryAsync(2);

        var head = await verifier.HeadAsync(StoreTime.Parse(second.At).AddMilliseconds(1), CancellationToken.None);

        Assert.True(head!.Seq >= 2);
        Assert.True(string.CompareOrdinal(head.At, second.At) <= 0);
        Assert.Null(await verifier.HeadAsync(DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    private Task SyncSomeAsync() =>
        _f.SyncAsync(new ListConnector("c1", [.. Enumerable.Range(1, 5).Select(i => Some.Record($"k{i}"))]));

    private async Task<AuditEntry> ReadEntryAsync(long seq)
    {
        await using var c = await _f.Store.OpenAsync(CancellationToken.None);
        await foreach (var e in AuditReader.ReadAsync(c, null, null, CancellationToken.None))
            if (e.Seq == seq) return e;
        throw new InvalidOperationException($"no audit entry {seq}");
    }

    private Task ExecuteAsync(string sql) => StoreSql.ExecuteAsync(_f.Store, sql);

    private Task<long> ScalarAsync(string sql) => StoreSql.ScalarAsync<long>(_f.Store, sql);

    private Task<string> TextAsync(string sql) => StoreSql.ScalarAsync<string>(_f.Store, sql);
}
