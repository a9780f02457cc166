namespace ArchiveBridge.Core.Attachments;

/// <summary>
/// An attachment as the source names it: a path (resolved under the connector's root), a URL (on the
/// connector's allowed hosts) or inline bytes. Declared digest and size, when the source gives them, are
/// checked against the bytes received (真实性).
/// </summary>
public sealed record AttachmentReference(string Location)
{
    public string? Name { get; init; }
    public string? DeclaredSha256 { get; init; }
    public long? DeclaredSize { get; init; }
    public string? MediaType { get; init; }
    public ReadOnlyMemory<byte>? InlineContent { get; init; }

    /// <summary>The file name to archive: the declared name, else the last segment of the location.</summary>
    public string FileName => Name ?? Path.GetFileName(Location.Replace('\\', '/').Split('?')[0]);
}
