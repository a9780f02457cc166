using System.Globalization;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Where to go on reading a CSV file: <c>csv1:{length}:{fingerprint}:{offset}:{line}</c>. The length and
/// fingerprint name the file as it was read (see <see cref="FileFingerprint"/>); offset and line are those of the
/// next row, so a resumed run opens the file there without reading what came before.
/// </summary>
internal readonly record struct CsvCheckpoint(long Length, string Fingerprint, long Offset, long Line)
{
    private const string Prefix = "csv1:";

    /// <summary>The part every position of one read shares: the file's identity.</summary>
    public static string FilePrefix(long length, string fingerprint) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{length}:{fingerprint}:");

    /// <summary>A position: the shared file prefix plus the offset and line of the next row.</summary>
    public static string Format(string filePrefix, long offset, long line)
    {
        Span<char> buffer = stackalloc char[filePrefix.Length + 42];
        filePrefix.CopyTo(buffer);
        var n = filePrefix.Length;
        offset.TryFormat(buffer[n..], out var w, provider: CultureInfo.InvariantCulture);
        n += w;
        buffer[n++] = ':';
        line.TryFormat(buffer[n..], out w, provider: CultureInfo.InvariantCulture);
        return new string(buffer[..(n + w)]);
    }

    public static bool TryParse(string? text, out CsvCheckpoint checkpoint)
    {
        checkpoint = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || parts[1].Length == 0
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            || offset > length || line < 1)
            return false;
        checkpoint = new CsvCheckpoint(length, parts[1], offset, line);
        return true;
    }
}
