namespace ArchiveBridge.Storage.Entities;

/// <summary>One link of the audit hash chain: hash = SHA-256(prevHash + canonical entry).</summary>
public sealed class AuditEntryEntity
{
    public long Seq { get; set; }
    public required string At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public required string Details { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }
}
