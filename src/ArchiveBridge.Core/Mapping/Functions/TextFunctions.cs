using System.Text;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>trim, upper, lower, replace, substr: per-item text functions that cannot fail.</summary>
internal static class TextFunctions
{
    public static ValueStep Trim(StepCompilation _) => PerItem.Step(static (string text, ref RecordProblem? _) => text.Trim());

    public static ValueStep Upper(StepCompilation _) => PerItem.Step(static (string text, ref RecordProblem? _) => text.ToUpperInvariant());

    public static ValueStep Lower(StepCompilation _) => PerItem.Step(static (string text, ref RecordProblem? _) => text.ToLowerInvariant());

    public static ValueStep? Replace(StepCompilation step)
    {
        var old = step.Text(0);
        var replacement = step.Text(1);
        if (old.Length == 0) return step.Error(0, "the text to replace must not be empty");
        return PerItem.Step((string text, ref RecordProblem? _) => text.Replace(old, replacement, StringComparison.Ordinal));
    }

    /// <summary>
    /// substr(start, length?) counts characters as a reader does: a CJK character outside the basic plane
    /// (a surrogate pair) is one character and is never cut in half. Out-of-range bounds clamp, so substr is total.
    /// </summary>
    public static ValueStep? Substr(StepCompilation step)
    {
        var start = step.Integer(0);
        if (start < 0) return step.Error(0, "substr start must be 0 or more");
        var length = step.Count > 1 ? step.Integer(1) : int.MaxValue;
        if (length < 0) return step.Error(1, "substr length must be 0 or more");
        return PerItem.Step((string text, ref RecordProblem? _) => Cut(text, start, length));
    }

    private static string Cut(string text, int start, int length)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            if (start >= text.Length) return string.Empty;
            var count = Math.Min(length, text.Length - start);
            return start == 0 && count == text.Length ? text : text.Substring(start, count);
        }
        var builder = new StringBuilder();
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (index >= start && index - start < length) builder.Append(rune.ToString());
            index++;
        }
        return builder.ToString();
    }
}
