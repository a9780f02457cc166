using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>Transforms one non-empty text; may set a problem. Returning null or empty drops the item.</summary>
internal delegate string? TextMap(string text, ref RecordProblem? problem);

internal static class PerItem
{
    /// <summary>
    /// A step applying <paramref name="map"/> to a text, or to each item of a list. Empty values pass
    /// through untouched (so <c>default</c> and <c>required</c> decide about them), and a list is only
    /// copied when an item actually changes.
    /// </summary>
    public static ValueStep Step(TextMap map) => (MappedValue input, ref RecordProblem? problem) =>
    {
        if (input.Items is not { } items)
            return string.IsNullOrEmpty(input.Text) ? MappedValue.Empty : MappedValue.Of(map(input.Text, ref problem));
        string?[]? mapped = null;
        for (var i = 0; i < items.Length; i++)
        {
            var result = map(items[i], ref problem);
            if (problem is not null) return MappedValue.Empty;
            if (mapped is null && !ReferenceEquals(result, items[i]))
            {
                mapped = new string?[items.Length];
                Array.Copy(items, mapped, i);
            }
            if (mapped is not null) mapped[i] = result;
        }
        return mapped is null ? input : MappedValue.List(mapped);
    };
}
