using System.IO.Compression;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Identifies a file's format from its bytes, not its name. Reads the first 64 KiB; for a ZIP it reads the
/// central directory too (OFD, DOCX, XLSX and PPTX are ZIP packages told apart by their entries), never the
/// whole file.
/// </summary>
public static class FormatIdentifier
{
    /// <summary>How much of the start of a file is read; text is judged on this much.</summary>
    public const int SampleSize = 64 * 1024;

    /// <summary>Identifies the file at <paramref name="path"/>.</summary>
    public static FileFormat Identify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Identify(file);
    }

    /// <summary>
    /// Identifies the content of <paramref name="content"/>. A seekable stream is read from its beginning and
    /// left at the position it had; a forward-only stream is read from where it is, and a ZIP in it stays a
    /// generic <see cref="FileFormat.Zip"/> because its directory is at the end.
    /// </summary>
    public static FileFormat Identify(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
            throw new ArgumentException("the stream cannot be read", nameof(content));

        var position = content.CanSeek ? content.Position : 0;
        try
        {
            if (content.CanSeek)
                content.Position = 0;
            var buffer = new byte[SampleSize];
            var length = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var sample = buffer.AsSpan(0, length);
            return FromMagic(sample)
                ?? (IsZip(sample) ? (content.CanSeek ? FromZipEntries(content) : FileFormat.Zip) : null)
                ?? FromText(sample, complete: length < buffer.Length);
        }
        finally
        {
            if (content.CanSeek)
                content.Position = position;
        }
    }

    private static FileFormat? FromMagic(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? FileFormat.Pdf
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? FileFormat.Jpeg
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? FileFormat.Png
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? FileFormat.Gif
        : head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? FileFormat.Tiff
        : null;

    // Local file header, empty archive (end of central directory only), spanned archive marker.
    private static bool IsZip(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8);

    private static FileFormat FromZipEntries(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
            bool Has(string name) => names.Exists(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            bool HasFolder(string folder) => names.Exists(n => n.StartsWith(folder, StringComparison.OrdinalIgnoreCase));

            if (Has("OFD.xml"))
                return FileFormat.Ofd;
            if (Has("[Content_Types].xml"))
            {
                if (HasFolder("word/"))
                    return FileFormat.Docx;
                if (HasFolder("xl/"))
                    return FileFormat.Xlsx;
                if (HasFolder("ppt/"))
                    return FileFormat.Pptx;
            }
            return FileFormat.Zip;
        }
        catch (InvalidDataException)
        {
            // PK header but no readable central directory: truncated or corrupt, so not usable as anything.
            return FileFormat.Other;
        }
    }

    private static FileFormat FromText(ReadOnlySpan<byte> sample, bool complete) =>
        sample.Length == 0 || !TextSniffer.IsText(sample, complete) ? FileFormat.Other
        : TextSniffer.StartsWithXmlDeclaration(sample) ? FileFormat.Xml
        : FileFormat.Txt;
}
