using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>
/// Orders watermark and key values the way a source sorts them: numbers as numbers, date-times as instants
/// (whatever their offset), anything else ordinally.
/// </summary>
internal static partial class SortValue
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;

    public static int Compare(string a, string b)
    {
        if (long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var la)
            && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lb))
            return la.CompareTo(lb);
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
            return da.CompareTo(db);
        if (TryDate(a, out var ta) && TryDate(b, out var tb)) return ta.CompareTo(tb);
        return string.CompareOrdinal(a, b);
    }

    /// <summary>
    /// The watermark to ask for when resuming from <paramref name="value"/>: a date-time moved back by
    /// <paramref name="overlap"/> and written in the same shape (offset or not, 'T' or space); other values as they are.
    /// </summary>
    public static string Anchor(string value, TimeSpan overlap)
    {
        if (overlap <= TimeSpan.Zero || !TryDate(value, out var instant)) return value;
        var earlier = instant - overlap;
        var separator = value.Length > 10 && value[10] == ' ' ? " " : "'T'";
        if (HasOffset().IsMatch(value))
            return earlier.ToString($"yyyy-MM-dd{separator}HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        // No offset in the source's values: the source reads them in its own zone, so stay in that (unnamed) zone.
        return earlier.DateTime.ToString(value.Length <= 10 ? "yyyy-MM-dd" : $"yyyy-MM-dd{separator}HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    private static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out value) && text.Contains('-', StringComparison.Ordinal);

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
