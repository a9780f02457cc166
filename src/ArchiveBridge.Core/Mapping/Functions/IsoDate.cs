namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>
/// The <c>iso</c> date format: <c>yyyy-MM-dd</c>, optionally followed by a time
/// (<c>T</c> or a space, <c>HH:mm[:ss[.fff]]</c>) and a zone (<c>Z</c> or <c>±HH[:]mm</c>).
/// </summary>
internal static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        month = day = 0;
        var pos = 0;
        if (!Digits.TryRead(text, ref pos, 4, 4, out year) || !Expect(text, ref pos, '-')
            || !Digits.TryRead(text, ref pos, 2, 2, out month) || !Expect(text, ref pos, '-')
            || !Digits.TryRead(text, ref pos, 2, 2, out day) || !Digits.IsValidDate(year, month, day))
            return false;
        if (pos == text.Length) return true;
        if (text[pos] is not ('T' or 't' or ' ')) return false;
        pos++;
        if (!ReadTime(text, ref pos)) return false;
        if (pos == text.Length) return true;
        if (text[pos] is 'Z' or 'z') return pos + 1 == text.Length;
        if (text[pos] is not ('+' or '-')) return false;
        pos++;
        if (!Digits.TryRead(text, ref pos, 2, 2, out var zoneHours) || zoneHours > 14) return false;
        if (pos < text.Length && text[pos] == ':') pos++;
        return Digits.TryRead(text, ref pos, 2, 2, out var zoneMinutes) && zoneMinutes <= 59 && pos == text.Length;
    }

    private static bool ReadTime(ReadOnlySpan<char> text, ref int pos)
    {
        if (!Digits.TryRead(text, ref pos, 2, 2, out var hours) || hours > 23 || !Expect(text, ref pos, ':')
            || !Digits.TryRead(text, ref pos, 2, 2, out var minutes) || minutes > 59)
            return false;
        if (pos == text.Length || text[pos] != ':') return true;
        pos++;
        if (!Digits.TryRead(text, ref pos, 2, 2, out var seconds) || seconds > 59) return false;
        if (pos == text.Length || text[pos] is not ('.' or ',')) return true;
        var start = ++pos;
        while (pos < text.Length && Digits.Is(text[pos])) pos++;
        return pos > start;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int pos, char c)
    {
        if (pos >= text.Length || text[pos] != c) return false;
        pos++;
        return true;
    }
}
