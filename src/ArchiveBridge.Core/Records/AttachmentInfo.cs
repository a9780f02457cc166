namespace ArchiveBridge.Core.Records;

/// <summary>计算机文件: one stored attachment, addressed by its SHA-256.</summary>
public sealed class AttachmentInfo
{
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public string? MediaType { get; set; }
    public string? Format { get; set; }
}
