using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Opens a PDF with PdfPig to prove it is usable: it parses, it is (or is not) encrypted, how many pages it has.
/// Never throws for bad input: a broken or password-protected file is a result, not an exception.
/// </summary>
public static class PdfInspector
{
    private static readonly ParsingOptions Options = new() { UseLenientParsing = true, SkipMissingFonts = true };

    /// <summary>Inspects the PDF at <paramref name="path"/>; a missing or unreadable file is reported in the result.</summary>
    public static PdfInspection Inspect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Inspect(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PdfInspection(false, false, null, $"cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>Inspects the PDF in <paramref name="content"/> (seekable; read from its start; position restored).</summary>
    public static PdfInspection Inspect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
            throw new ArgumentException("PDF inspection needs a readable, seekable stream", nameof(content));

        var position = content.Position;
        try
        {
            content.Position = 0;
            using var document = PdfDocument.Open(content, Options);
            var pages = document.NumberOfPages;
            if (pages > 0)
                _ = document.GetPage(1); // the catalog can parse while page content does not
            return new PdfInspection(true, document.IsEncrypted, pages, null);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return new PdfInspection(false, true, null, $"encrypted and cannot be opened without a password: {ex.Message}");
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for malformed input; every one means "does not open".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return new PdfInspection(false, false, null, $"{ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            content.Position = position;
        }
    }
}
