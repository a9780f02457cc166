using System.Globalization;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// Recomputes the audit hash chain (<see cref="AuditChain"/>) from the first entry to the last, streaming, and
/// names the first entry that does not verify: the Archives Law's proof that the log of what the hub did was not
/// edited afterwards. An edit shows as a hash mismatch at the edited entry; a deletion as a seq gap or a broken
/// link at the entry after it. Cutting entries off the end leaves a valid shorter chain: compare with an
/// <see cref="AuditHead"/> kept elsewhere (<c>audit head</c>) to find that too.
/// </summary>
public sealed class AuditVerifier
{
    private readonly ArchiveStore _store;

    public AuditVerifier(ArchiveStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Verifies the whole chain; with <paramref name="anchor"/>, also that the entry at its seq still has its hash.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditHead? anchor, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        long expectedSeq = 1, checkedCount = 0;
        var prevHash = AuditChain.Genesis;
        AuditHead? head = null;
        await foreach (var e in AuditReader.ReadAsync(connection, null, null, cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            var broken = Check(e, expectedSeq, prevHash, anchor);
            if (broken is not null)
                return new AuditVerification { EntriesChecked = checkedCount, Head = head, Break = broken };
            head = new AuditHead(e.Seq, e.Hash, e.At);
            prevHash = e.Hash;
            expectedSeq = e.Seq + 1;
        }
        if (anchor is not null && (head?.Seq ?? 0) < anchor.Seq)
        {
            var last = head?.Seq ?? 0;
            return new AuditVerification
            {
                EntriesChecked = checkedCount,
                Head = head,
                Break = new AuditBreak(last + 1, AuditBreakKind.Truncated,
                    $"the chain ends at seq {last} but the anchor names seq {anchor.Seq}: entries {last + 1}..{anchor.Seq} were removed from the end",
                    $"审计链止于第 {last} 条，而锚点为第 {anchor.Seq} 条：末尾的第 {last + 1}..{anchor.Seq} 条已被删除")
                { Expected = anchor.Hash },
            };
        }
        return new AuditVerification { EntriesChecked = checkedCount, Head = head };
    }

    /// <summary>The last entry written before <paramref name="before"/>, or the chain's last entry when null.</summary>
    public async Task<AuditHead?> HeadAsync(DateTimeOffset? before, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditReader.HeadAsync(connection, before is { } b ? StoreTime.ToText(b) : null, cancellationToken).ConfigureAwait(false);
    }

    private static AuditBreak? Check(AuditEntry e, long expectedSeq, string prevHash, AuditHead? anchor)
    {
        if (e.Seq != expectedSeq)
        {
            var missing = expectedSeq == e.Seq - 1 ? Invariant(expectedSeq) : $"{expectedSeq}..{e.Seq - 1}";
            return new AuditBreak(e.Seq, AuditBreakKind.Gap,
                $"seq {e.Seq} follows seq {expectedSeq - 1}: entry {missing} was deleted",
                $"第 {e.Seq} 条紧接第 {expectedSeq - 1} 条：第 {missing} 条已被删除")
            { Expected = Invariant(expectedSeq), Actual = Invariant(e.Seq) };
        }
        if (!string.Equals(e.PrevHash, prevHash, StringComparison.Ordinal))
        {
            var before = e.Seq == 1 ? "the genesis value (64 zeros)" : $"the hash of seq {e.Seq - 1}";
            var beforeZh = e.Seq == 1 ? "创世值（64 个 0）" : $"第 {e.Seq - 1} 条的哈希";
            return new AuditBreak(e.Seq, AuditBreakKind.Unlinked,
                $"seq {e.Seq}: prev_hash {e.PrevHash} is not {before} ({prevHash}): an entry before it was deleted, inserted, or edited and re-hashed",
                $"第 {e.Seq} 条：prev_hash {e.PrevHash} 不等于{beforeZh}（{prevHash}）：其前的条目被删除、插入或篡改后重算了哈希")
            { Expected = prevHash, Actual = e.PrevHash };
        }
        var hash = AuditChain.ComputeHash(e.PrevHash, e.Seq, e.At, e.Actor, e.Action, e.Subject, e.Details);
        if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(e.Seq, AuditBreakKind.Edited,
                $"seq {e.Seq}: the entry hashes to {hash} but its stored hash is {e.Hash}: the entry was edited",
                $"第 {e.Seq} 条：按内容计算的哈希为 {hash}，而存储的哈希为 {e.Hash}：该条目已被篡改")
            { Expected = hash, Actual = e.Hash };
        }
        if (anchor is not null && anchor.Seq == e.Seq && !string.Equals(anchor.Hash, e.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return new AuditBreak(e.Seq, AuditBreakKind.AnchorMismatch,
                $"seq {e.Seq}: hash {e.Hash} differs from the anchor kept elsewhere ({anchor.Hash}): the chain was rewritten",
                $"第 {e.Seq} 条：哈希 {e.Hash} 与另行保存的锚点（{anchor.Hash}）不符：审计链已被重写")
            { Expected = anchor.Hash, Actual = e.Hash };
        }
        return null;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
