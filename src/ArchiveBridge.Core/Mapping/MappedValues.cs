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

    public override string ToString() => string.Join(", ", this.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The scalar targets of one mapping, in file order, with their slots.</summary>
    internal sealed class Layout(IReadOnlyList<string> targets)
    {
        public IReadOnlyList<string> Targets { get; } = targets;

        public FrozenDictionary<string, int> Index { get; } =
            targets.Select((t, i) => KeyValuePair.Create(t, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
