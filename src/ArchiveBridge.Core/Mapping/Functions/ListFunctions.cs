using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>split, join, first: the functions that turn texts into lists and back.</summary>
internal static class ListFunctions
{
    /// <summary>split('sep', …): items are trimmed and empty ones dropped ("a; b;" gives a, b).</summary>
    public static ValueStep? Split(StepCompilation step)
    {
        var separators = new string[step.Count];
        for (var i = 0; i < step.Count; i++)
        {
            if (step.Text(i).Length == 0) return step.Error(i, "split separator must not be empty");
            separators[i] = step.Text(i);
        }
        const StringSplitOptions options = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        return (MappedValue input, ref RecordProblem? _) =>
        {
            if (input.Items is not { } items)
                return string.IsNullOrEmpty(input.Text) ? MappedValue.Empty : MappedValue.List(input.Text.Split(separators, options));
            var all = new List<string>();
            foreach (var item in items) all.AddRange(item.Split(separators, options));
            return MappedValue.List([.. all]);
        };
    }

    /// <summary>join('sep'): a list becomes one text; a single text passes unchanged.</summary>
    public static ValueStep Join(StepCompilation step)
    {
        var separator = step.Text(0);
        return (MappedValue input, ref RecordProblem? _) =>
            input.Items is { } items ? MappedValue.Of(string.Join(separator, items)) : input;
    }

    /// <summary>first: the first item of a list (e.g. the first of several authors); a single text passes unchanged.</summary>
    public static ValueStep First(StepCompilation _) => static (MappedValue input, ref RecordProblem? _) =>
        input.Items is { } items ? (items.Length > 0 ? MappedValue.Of(items[0]) : MappedValue.Empty) : input;
}
