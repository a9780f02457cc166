using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>date(formats…) to ISO yyyy-MM-dd, and year of an ISO date.</summary>
internal static class DateFunctions
{
    private const int CachedYearsFrom = 1900;
    private static readonly string[] CachedYears = Enumerable.Range(CachedYearsFrom, 300).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Tries each format in order; the first that matches the whole (trimmed) text wins. Without
    /// arguments it is <c>date('iso')</c>. A text no format matches fails the record with bad_date.
    /// </summary>
    public static ValueStep? Date(StepCompilation step)
    {
        var formats = new DateFormat[Math.Max(step.Count, 1)];
        if (step.Count == 0) formats[0] = DateFormat.Create(DateFormat.Iso, out _)!;
        for (var i = 0; i < step.Count; i++)
        {
            if (DateFormat.Create(step.Text(i), out var error) is not { } format)
                return step.Error(i, new($"bad date format '{step.Text(i)}'", $": {error}"));
            formats[i] = format;
        }
        var formatsText = string.Join(", ", formats.Select(f => f.Text));
        var target = step.Target;
        return PerItem.Step((string text, ref RecordProblem? problem) =>
        {
            var span = text.AsSpan().Trim();
            foreach (var format in formats)
            {
                if (!format.TryParse(span, out var year, out var month, out var day)) continue;
                return IsCanonical(text, year, month, day) ? text : Digits.FormatDate(year, month, day);
            }
            problem = MappingProblems.BadDate(target, text, formatsText);
            return null;
        });
    }

    /// <summary>year: the four-digit year of <c>yyyy-MM-dd</c> (a date-time or a bare year also do).</summary>
    public static ValueStep Year(StepCompilation step)
    {
        var target = step.Target;
        return PerItem.Step((string text, ref RecordProblem? problem) =>
        {
            var span = text.AsSpan().Trim();
            if (span.Length >= 4 && char.IsAsciiDigit(span[0]) && char.IsAsciiDigit(span[1]) && char.IsAsciiDigit(span[2])
                && char.IsAsciiDigit(span[3]) && (span.Length == 4 || span[4] == '-'))
            {
                var year = (span[0] - '0') * 1000 + (span[1] - '0') * 100 + (span[2] - '0') * 10 + (span[3] - '0');
                var index = year - CachedYearsFrom;
                if (index >= 0 && index < CachedYears.Length) return CachedYears[index];
                if (year > 0) return span[..4].ToString();
            }
            problem = MappingProblems.NotIsoDate(target, text);
            return null;
        });
    }

    /// <summary>True when the source already wrote the date as ISO, so the text is kept and nothing allocated.</summary>
    private static bool IsCanonical(string text, int year, int month, int day) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && Two(text, 0) * 100 + Two(text, 2) == year && Two(text, 5) == month && Two(text, 8) == day;

    private static int Two(string text, int at) =>
        char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) ? (text[at] - '0') * 10 + (text[at + 1] - '0') : -1000;
}
