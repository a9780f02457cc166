namespace ArchiveBridge.Storage.Audit;

/// <summary>The outcome of recomputing the audit chain.</summary>
public sealed record AuditVerification
{
    /// <summary>True when every entry checked links to the one before and hashes to its stored hash.</summary>
    public bool Intact => Break is null;

    /// <summary>Entries recomputed, up to and including the first bad one.</summary>
    public long EntriesChecked { get; init; }

    /// <summary>The last entry found good: the chain's head when intact.</summary>
    public AuditHead? Head { get; init; }

    /// <summary>The first entry that does not verify, and why; null when intact.</summary>
    public AuditBreak? Break { get; init; }
}

/// <summary>Why the chain breaks at <see cref="Seq"/>.</summary>
/// <param name="Seq">The first bad entry: the edited one, or the first one after a gap or an unlinked stretch.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Message">In English, naming the seq and the values compared.</param>
/// <param name="MessageZh">In Chinese.</param>
public sealed record AuditBreak(long Seq, AuditBreakKind Kind, string Message, string MessageZh)
{
    public string? Expected { get; init; }
    public string? Actual { get; init; }
}

/// <summary>The ways a hash chain can be broken.</summary>
public enum AuditBreakKind
{
    /// <summary>The entry's content no longer hashes to its stored hash: it was edited.</summary>
    Edited,

    /// <summary>Seq numbers jump: entries before this one were deleted.</summary>
    Gap,

    /// <summary>The entry's prev_hash is not the previous entry's hash: an entry before it was deleted, inserted, or edited and re-hashed.</summary>
    Unlinked,

    /// <summary>The entry at the anchor's seq has another hash than the anchor kept elsewhere.</summary>
    AnchorMismatch,

    /// <summary>The chain ends before the anchor's seq: entries were cut off the end.</summary>
    Truncated,
}
