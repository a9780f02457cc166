using System.Text;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>
/// number: a decimal number as invariant text (<c>1,234.50</c> gives <c>1234.5</c>, <c>007</c> gives <c>7</c>).
/// Works on the digits as text, so no precision is lost and no range can overflow. Accepts a sign,
/// thousands separators between digits, full-width digits and surrounding spaces.
/// </summary>
internal static class NumberFunction
{
    public static ValueStep Compile(StepCompilation step)
    {
        var target = step.Target;
        return PerItem.Step((string text, ref RecordProblem? problem) =>
        {
            if (IsCanonical(text)) return text;
            if (TryNormalize(text.AsSpan().Trim(), out var normalized)) return normalized;
            problem = MappingProblems.BadNumber(target, text);
            return null;
        });
    }

    /// <summary>Plain ASCII digits without a leading zero: already the canonical form, kept as is.</summary>
    private static bool IsCanonical(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9') && (text[0] != '0' || text.Length == 1);

    internal static bool TryNormalize(ReadOnlySpan<char> text, out string? normalized)
    {
        normalized = null;
        var pos = 0;
        var negative = false;
        if (pos < text.Length && text[pos] is '+' or '-')
        {
            negative = text[pos] == '-';
            pos++;
        }
        var integer = new StringBuilder();
        for (; pos < text.Length; pos++)
        {
            if (Digits.TryGet(text[pos], out var digit)) integer.Append((char)('0' + digit));
            else if (text[pos] == ',' && integer.Length > 0 && pos + 1 < text.Length && Digits.Is(text[pos + 1])) continue;
            else break;
        }
        var fraction = new StringBuilder();
        if (pos < text.Length && text[pos] == '.')
        {
            for (pos++; pos < text.Length && Digits.TryGet(text[pos], out var digit); pos++) fraction.Append((char)('0' + digit));
            if (fraction.Length == 0) return false;
        }
        if (pos != text.Length || (integer.Length == 0 && fraction.Length == 0)) return false;

        var intText = integer.ToString().TrimStart('0');
        var fracText = fraction.ToString().TrimEnd('0');
        if (intText.Length == 0) intText = "0";
        var isZero = intText == "0" && fracText.Length == 0;
        normalized = (negative && !isZero ? "-" : "") + intText + (fracText.Length > 0 ? "." + fracText : "");
        return true;
    }
}
