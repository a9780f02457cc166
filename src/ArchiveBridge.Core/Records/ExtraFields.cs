using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ArchiveBridge.Core.Records;

/// <summary>
/// A record's extension fields (<c>extra.*</c>), always in ordinal key order: the order the fingerprint and the stored
/// JSON write them in. A sorted list rather than a tree: a record has a handful, set once by the mapping and then only
/// read in order — and a sorted tree costs a node per field and a stack per enumeration, a million times a run.
/// </summary>
public sealed class ExtraFields : IDictionary<string, string>, IReadOnlyDictionary<string, string>
{
    private readonly List<KeyValuePair<string, string>> _items;

    public ExtraFields() => _items = [];

    /// <summary>Room for <paramref name="capacity"/> fields, when the caller knows how many it will set.</summary>
    public ExtraFields(int capacity) => _items = new(capacity);

    public int Count => _items.Count;

    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no extension field '{key}'");
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            var i = IndexOf(key);
            if (i >= 0) _items[i] = new(key, value);
            // Mappings list their fields in file order, often already sorted: appending is the common case.
            else _items.Insert(~i, new(key, value));
        }
    }

    public void Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key);
        if (i >= 0) throw new ArgumentException($"extension field '{key}' is already set", nameof(key));
        _items.Insert(~i, new(key, value));
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key);
        value = i >= 0 ? _items[i].Value : null;
        return i >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0) return false;
        _items.RemoveAt(i);
        return true;
    }

    public void Clear() => _items.Clear();

    /// <summary>Enumerates in ordinal key order without allocating (a struct enumerator).</summary>
    public List<KeyValuePair<string, string>>.Enumerator GetEnumerator() => _items.GetEnumerator();

    public ICollection<string> Keys => [.. _items.Select(p => p.Key)];

    public ICollection<string> Values => [.. _items.Select(p => p.Value)];

    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

    bool ICollection<KeyValuePair<string, string>>.IsReadOnly => false;

    void ICollection<KeyValuePair<string, string>>.Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, string>>.Contains(KeyValuePair<string, string> item) =>
        TryGetValue(item.Key, out var value) && value == item.Value;

    void ICollection<KeyValuePair<string, string>>.CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, string>>.Remove(KeyValuePair<string, string> item) =>
        ((ICollection<KeyValuePair<string, string>>)this).Contains(item) && Remove(item.Key);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>The key's index, or the bitwise complement of where it belongs.</summary>
    private int IndexOf(string key)
    {
        // From the end: fields usually arrive in order, so a new one is compared with the last first.
        int lo = 0, hi = _items.Count - 1;
        if (hi >= 0 && string.CompareOrdinal(_items[hi].Key, key) < 0) return ~_items.Count;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = string.CompareOrdinal(_items[mid].Key, key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
