using System.Text;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Tells plain text from binary: no control bytes but tab, line feed, vertical tab, form feed and carriage
/// return, and the bytes decode strictly as UTF-8 or, failing that, as GB18030 (the encoding of most Chinese
/// business-system exports).
/// </summary>
internal static class TextSniffer
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Taken from the provider without registering it: registration is process-wide and not ours to do.
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
        54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <param name="sample">The file's first bytes.</param>
    /// <param name="complete">True when the sample is the whole file; otherwise a character cut at its end is fine.</param>
    public static bool IsText(ReadOnlySpan<byte> sample, bool complete)
    {
        foreach (var b in sample)
        {
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D)) || b == 0x7F)
                return false;
        }
        return Decodes(Utf8, sample, complete) || Decodes(Gb18030, sample, complete);
    }

    /// <summary>True when the sample starts (after a UTF-8 byte order mark and white space) with an XML declaration.</summary>
    public static bool StartsWithXmlDeclaration(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith("\uFEFF"u8))
            sample = sample[3..];
        while (sample.Length > 0 && sample[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            sample = sample[1..];
        return sample.StartsWith("<?xml"u8) && sample.Length > 5 && sample[5] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }

    private static bool Decodes(Encoding encoding, ReadOnlySpan<byte> sample, bool complete)
    {
        try
        {
            // flush: false keeps a multi-byte character cut by the sample's end pending instead of failing it.
            encoding.GetDecoder().GetCharCount(sample, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
