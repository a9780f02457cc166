using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>The encoding a file is read with, decided once per read from the setting and the file's first bytes.</summary>
internal sealed class CsvTextEncoding
{
    private const int Chunk = 64 * 1024;

    // Auto detection stops looking for non-ASCII text here: an ASCII-only head this long is read as UTF-8, and any
    // GB18030 bytes further on still show, row by row, as rows that are not valid UTF-8.
    private const long MaxProbe = 16 * 1024 * 1024;

    private CsvTextEncoding(CsvEncoding kind, Encoding encoding, bool hasBom)
    {
        Kind = kind;
        Encoding = encoding;
        HasBom = hasBom;
    }

    public static CsvTextEncoding Utf8 { get; } = new(CsvEncoding.Utf8, new UTF8Encoding(false), false);
    public static CsvTextEncoding Utf8WithBom { get; } = new(CsvEncoding.Utf8Bom, new UTF8Encoding(false), true);

    // Undecodable bytes become U+FFFD (not '?', the code-page default), so a row holding them can be recognised and quarantined.
    public static CsvTextEncoding Gb18030 { get; } = new(CsvEncoding.Gb18030, CreateGb18030(), false);

    private static Encoding CreateGb18030()
    {
        // GB18030 comes with the code-pages provider, which must be registered before the first look-up.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    public CsvEncoding Kind { get; }
    public Encoding Encoding { get; }
    public bool HasBom { get; }
    public bool IsUtf8 => Kind != CsvEncoding.Gb18030;

    /// <summary>The name admins know, for messages.</summary>
    public string Name => Kind switch
    {
        CsvEncoding.Utf8 => "UTF-8",
        CsvEncoding.Utf8Bom => "UTF-8 (BOM)",
        _ => "GB18030",
    };

    /// <summary>
    /// A UTF-8 byte order mark wins over the setting (it cannot start GB18030 text); otherwise the setting,
    /// and for <c>auto</c> the first non-ASCII bytes decide: valid UTF-8, else GB18030.
    /// </summary>
    public static async ValueTask<CsvTextEncoding> ResolveAsync(SafeFileHandle file, long length, CsvEncoding configured, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            var n = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(Chunk, length)), 0, cancellationToken).ConfigureAwait(false);
            if (buffer.AsSpan(0, n).StartsWith("\uFEFF"u8)) return Utf8WithBom;
            return configured switch
            {
                CsvEncoding.Utf8 or CsvEncoding.Utf8Bom => Utf8,
                CsvEncoding.Gb18030 => Gb18030,
                _ => await DetectAsync(file, length, buffer, n, cancellationToken).ConfigureAwait(false),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<CsvTextEncoding> DetectAsync(SafeFileHandle file, long length, byte[] buffer, int n, CancellationToken cancellationToken)
    {
        long offset = 0;
        while (n > 0 && offset < MaxProbe)
        {
            var chunk = buffer.AsSpan(0, n);
            var first = chunk.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (first >= 0) return LooksLikeUtf8(chunk[first..], isFinal: offset + n >= length) ? Utf8 : Gb18030;
            offset += n;
            n = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(Chunk, length - offset)), offset, cancellationToken).ConfigureAwait(false);
        }
        return Utf8;
    }

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            // A sequence cut by the end of the chunk is NeedMoreData, not invalid.
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            return status != OperationStatus.InvalidData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
