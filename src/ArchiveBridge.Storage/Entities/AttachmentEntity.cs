namespace ArchiveBridge.Storage.Entities;

/// <summary>A record version's reference to a stored blob (the same blob may serve many records).</summary>
public sealed class AttachmentEntity
{
    public long Id { get; set; }
    public required string RecordId { get; set; }
    public int Version { get; set; }
    public int Ordinal { get; set; }
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public string? MediaType { get; set; }
}
