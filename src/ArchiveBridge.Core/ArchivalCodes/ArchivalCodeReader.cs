using System.Globalization;

namespace ArchiveBridge.Core.ArchivalCodes;

/// <summary>
/// Splits a code back into its parts. Any part but the item number may have dropped out, so this tries the
/// possibilities depth-first, preferring a part present over absent (template order); a value never contains
/// one of the template's separators, and year and item number are digits. Six parts at most keep it cheap.
/// </summary>
internal static class ArchivalCodeReader
{
    public static ArchivalCodeParts? Read(ArchivalCodeLayout layout, string code)
    {
        var prefix = layout.Prefix;
        var suffix = layout.Suffix;
        if (code.Length < prefix.Length + suffix.Length
            || !code.StartsWith(prefix, StringComparison.Ordinal)
            || !code.EndsWith(suffix, StringComparison.Ordinal))
            return null;

        var body = code[prefix.Length..^suffix.Length];
        var separators = layout.Segments.Select(s => s.Separator).Where(s => s.Length > 0).Distinct().ToArray();
        var values = new string?[layout.Segments.Count];
        if (!Match(layout.Segments, separators, body, 0, 0, false, values))
            return null;

        string? ValueOf(ArchivalCodePart part)
        {
            for (var i = 0; i < values.Length; i++)
                if (layout.Segments[i].Part == part)
                    return values[i];
            return null;
        }

        var year = ValueOf(ArchivalCodePart.Year);
        if (!int.TryParse(ValueOf(ArchivalCodePart.ItemNo), NumberStyles.None, CultureInfo.InvariantCulture, out var itemNo)
            || (year is not null && !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return null;

        return new ArchivalCodeParts
        {
            Fonds = ValueOf(ArchivalCodePart.Fonds),
            Category = ValueOf(ArchivalCodePart.Category),
            Year = year is null ? null : int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture),
            Retention = ValueOf(ArchivalCodePart.Retention),
            Org = ValueOf(ArchivalCodePart.Org),
            ItemNo = itemNo,
        };
    }

    private static bool Match(
        IReadOnlyList<ArchivalCodeSegment> segments, string[] separators, string body, int pos, int index, bool emitted, string?[] values)
    {
        if (index == segments.Count)
            return emitted && pos == body.Length;

        var segment = segments[index];
        var separator = emitted ? segment.Separator : "";
        if (body.AsSpan(pos).StartsWith(separator, StringComparison.Ordinal))
        {
            var start = pos + separator.Length;
            for (var end = start + 1; end <= body.Length; end++)
            {
                var value = body[start..end];
                if (!IsValue(segment.Part, value, separators))
                    break; // a longer value would contain the same offending text
                values[index] = value;
                if (Match(segments, separators, body, end, index + 1, true, values))
                    return true;
            }
        }

        values[index] = null;
        return segment.Part != ArchivalCodePart.ItemNo
            && Match(segments, separators, body, pos, index + 1, emitted, values);
    }

    private static bool IsValue(ArchivalCodePart part, string value, string[] separators)
    {
        if ((part is ArchivalCodePart.Year or ArchivalCodePart.ItemNo) && !char.IsAsciiDigit(value[^1]))
            return false;
        foreach (var separator in separators)
            if (value.Contains(separator, StringComparison.Ordinal))
                return false;
        return true;
    }
}
