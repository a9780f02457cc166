namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>Digit reading shared by the date and number functions; full-width digits (０-９) count as digits.</summary>
internal static class Digits
{
    public static bool TryGet(char c, out int digit)
    {
        if (c is >= '0' and <= '9') digit = c - '0';
        else if (c is >= '０' and <= '９') digit = c - '０';
        else
        {
            digit = 0;
            return false;
        }
        return true;
    }

    public static bool Is(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>Reads <paramref name="min"/> to <paramref name="max"/> digits (greedy) at <paramref name="pos"/>.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var count = 0;
        while (count < max && pos < text.Length && TryGet(text[pos], out var digit))
        {
            value = value * 10 + digit;
            pos++;
            count++;
        }
        return count >= min;
    }

    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>yyyy-MM-dd, allocating only the result.</summary>
    public static string FormatDate(int year, int month, int day) =>
        string.Create(10, (year, month, day), static (span, d) =>
        {
            span[0] = (char)('0' + d.year / 1000);
            span[1] = (char)('0' + d.year / 100 % 10);
            span[2] = (char)('0' + d.year / 10 % 10);
            span[3] = (char)('0' + d.year % 10);
            span[4] = '-';
            span[5] = (char)('0' + d.month / 10);
            span[6] = (char)('0' + d.month % 10);
            span[7] = '-';
            span[8] = (char)('0' + d.day / 10);
            span[9] = (char)('0' + d.day % 10);
        });
}
