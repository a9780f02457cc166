using System.Diagnostics.CodeAnalysis;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// A file format as <see cref="FormatIdentifier"/> recognises it from the bytes: a short id (stored in
/// <c>AttachmentInfo.Format</c>), its media type and its usual extensions, the canonical one first.
/// </summary>
public sealed class FileFormat
{
    public static readonly FileFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileFormat Ofd = new("OFD", "application/ofd", ".ofd");
    public static readonly FileFormat Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileFormat Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileFormat Pptx = new("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileFormat Zip = new("ZIP", "application/zip", ".zip");
    public static readonly FileFormat Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg", ".jpe");
    public static readonly FileFormat Png = new("PNG", "image/png", ".png");
    public static readonly FileFormat Gif = new("GIF", "image/gif", ".gif");
    public static readonly FileFormat Tiff = new("TIFF", "image/tiff", ".tif", ".tiff");
    public static readonly FileFormat Xml = new("XML", "application/xml", ".xml");
    public static readonly FileFormat Txt = new("TXT", "text/plain", ".txt", ".text", ".csv", ".log");

    /// <summary>Not identified: matches no file name and is in no allowed list unless configured.</summary>
    public static readonly FileFormat Other = new("OTHER", "application/octet-stream");

    private FileFormat(string id, string mediaType, params string[] extensions)
    {
        Id = id;
        MediaType = mediaType;
        Extensions = extensions;
    }

    public static IReadOnlyList<FileFormat> All { get; } = [Pdf, Ofd, Docx, Xlsx, Pptx, Zip, Jpeg, Png, Gif, Tiff, Xml, Txt, Other];

    /// <summary>PDF, OFD, DOCX, XLSX, PPTX, ZIP, JPEG, PNG, GIF, TIFF, XML, TXT or OTHER.</summary>
    public string Id { get; }

    public string MediaType { get; }

    /// <summary>Lower-case, with the dot; empty for <see cref="Other"/>.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The extension a file of this format should have, e.g. <c>.pdf</c>; empty for <see cref="Other"/>.</summary>
    public string CanonicalExtension => Extensions.Count > 0 ? Extensions[0] : "";

    public bool IsIdentified => !ReferenceEquals(this, Other);

    /// <summary>Looks a format up by <see cref="Id"/>, case-insensitively.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out FileFormat? format)
    {
        ArgumentNullException.ThrowIfNull(id);
        format = All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>True when <paramref name="fileName"/>'s extension is one of this format's (a <c>.pdf</c> holding PNG bytes is not).</summary>
    public bool MatchesName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        return extension.Length > 1 && Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    public override string ToString() => Id;
}
