namespace ArchiveBridge.Storage.Audit;

/// <summary>One audit log entry exactly as stored (the values its hash covers, plus the two hashes).</summary>
public sealed record AuditEntry(long Seq, string At, string Actor, string Action, string Subject, string Details, string PrevHash, string Hash);

/// <summary>
/// The last entry of the chain (or of the chain up to a moment): an anchor to keep outside the archive, so that
/// cutting entries off the end, which leaves a shorter but valid chain, is still found.
/// </summary>
public sealed record AuditHead(long Seq, string Hash, string At);
