using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// <see cref="MappingResult.Values"/> as one array per record over target names shared by the whole mapping:
/// a record costs two small allocations instead of a dictionary's buckets and entries. Empty values are
/// absent, as the contract requires; enumeration follows the order of the mapping file.
/// </summary>
internal sealed class MappedValues : IReadOnlyDictionary<string, string>
{
    private readonly Layout _layout;
    private readonly string?[] _values;

    public MappedValues(Layout layout, string?[] values)
    {
        _layout = layout;
        _values = values;
        foreach (var value in values)
            if (value is not null) Count++;
    }

    public int Count { get; }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no mapped value for '{key}'");

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<string> Values => this.Select(p => p.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_layout.Index.TryGetValue(key, out var i) && _values[i] is { } found)
        {
            value = found;
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
            if (_values[i] is { } value) yield return new KeyValuePair<string, string>(_layout.Targets[i], value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The <c>extra.*</c> values under their names without the prefix, or null when there are none.</summary>
    internal Records.ExtraFields? Extras()
    {
        Records.ExtraFields? extras = null;
        var slots = _layout.ExtraSlots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (_values[slots[i]] is { } value) (extras ??= new Records.ExtraFields(slots.Length))[_layout.ExtraNames[i]] = value;
        }
        return extras;
    }

    public override string ToString() => string.Join(", ", this.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The scalar targets of one mapping, in file order, with their slots.</summary>
    internal sealed class Layout(IReadOnlyList<string> targets)
    {
        public IReadOnlyList<string> Targets { get; } = targets;

        public FrozenDictionary<string, int> Index { get; } =
            targets.Select((t, i) => KeyValuePair.Create(t, i)).ToFrozenDictionary(StringComparer.Ordinal);

        /// <summary>The slots of the <c>extra.*</c> targets, and their names without the prefix (made once, not per record).</summary>
        public int[] ExtraSlots { get; } = [.. Enumerable.Range(0, targets.Count).Where(i => IsExtra(targets[i]))];

        public string[] ExtraNames { get; } = [.. targets.Where(IsExtra).Select(t => t[Records.CanonicalFields.ExtraPrefix.Length..])];

        private static bool IsExtra(string target) => target.StartsWith(Records.CanonicalFields.ExtraPrefix, StringComparison.Ordinal);
    }
}
