using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>default, required, lookup: the functions that decide about empty and unexpected values.</summary>
internal static class ValueFunctions
{
    public static ValueStep Default(StepCompilation step)
    {
        var fallback = MappedValue.Of(step.Text(0));
        return (MappedValue input, ref RecordProblem? _) => input.IsEmpty ? fallback : input;
    }

    public static ValueStep Required(StepCompilation step)
    {
        var target = step.Target;
        var source = step.SourceText;
        return (MappedValue input, ref RecordProblem? problem) =>
        {
            if (input.IsEmpty) problem = MappingProblems.Required(target, source);
            return input;
        };
    }

    /// <summary>
    /// lookup(table): exact, case-sensitive match (trim first when the source pads values). A miss fails
    /// the record with the value and the allowed keys, unless a later <c>default</c> supplies the value.
    /// </summary>
    public static ValueStep? Lookup(StepCompilation step)
    {
        var name = step.Text(0);
        if (!step.Lookups.TryGetValue(name, out var table))
        {
            var known = step.Lookups.Count == 0 ? "the mapping has no 'lookups'" : $"known: {string.Join(", ", step.Lookups.Keys)}";
            return step.Error(0, new($"unknown lookup table '{name}'", $" ({known})"));
        }
        var entries = table.Entries;
        var target = step.Target;
        if (step.IsFollowedBy("default"))
            return PerItem.Step((string text, ref RecordProblem? _) => entries.GetValueOrDefault(text));
        return PerItem.Step((string text, ref RecordProblem? problem) =>
        {
            if (entries.TryGetValue(text, out var mapped)) return mapped;
            problem = MappingProblems.UnknownValue(target, text, table.Name, table.AllowedText);
            return null;
        });
    }
}
