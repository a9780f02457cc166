using System.Globalization;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Date-times stored as text (common in SQLite 中间库s: <c>2024-03-01 10:00:00</c>). The database compares
/// them as strings, so the overlap's lower bound is written back in the very format the value came in.
/// </summary>
internal static class TimeText
{
    // Fraction-less formats first: the first match is the one the lower bound is written in.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd",
    ];

    public static bool TryParse(string text, out DateTimeOffset value, out string format)
    {
        foreach (var candidate in Formats)
        {
            // AssumeUniversal: wall-clock text is shifted as wall-clock text, with no local-zone DST in the way.
            if (DateTimeOffset.TryParseExact(text, candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                format = candidate;
                return true;
            }
        }
        value = default;
        format = "";
        return false;
    }

    public static string Format(DateTimeOffset value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
