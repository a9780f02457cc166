using System.Text.Json;

namespace ArchiveBridge.Core.Sources;

/// <summary>
/// A flat row: one shared header (names and their index) and this row's values. The header is built once
/// per file or query, so a row costs one array.
/// </summary>
public sealed class FlatSourceFields : SourceFields
{
    private readonly FieldHeader _header;
    private readonly string?[] _values;

    public FlatSourceFields(FieldHeader header, string?[] values)
    {
        _header = header ?? throw new ArgumentNullException(nameof(header));
        _values = values ?? throw new ArgumentNullException(nameof(values));
    }

    public FieldHeader Header => _header;
    public IReadOnlyList<string?> Values => _values;

    public override IEnumerable<string> Names => _header.Names;

    public override bool TryGetValue(string name, out string? value)
    {
        if (_header.TryGetIndex(name, out var index) && index < _values.Length)
        {
            value = _values[index];
            return true;
        }
        value = null;
        return false;
    }

    public override void Select(FieldPath path, List<string?> results)
    {
        // A flat row has no nesting, but a header may itself contain dots ("author.name"): try the whole text.
        if (TryGetValue(path.Text, out var value) || (path.Segments.Count > 0 && TryGetValue(path.Segments[0].Name, out value)))
            results.Add(value);
    }

    public override IEnumerable<SourceFields> SelectObjects(FieldPath path) => [];

    public override void WriteRawJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var names = _header.Names;
        for (var i = 0; i < names.Count; i++)
        {
            if (i < _values.Length && _values[i] is { } v) writer.WriteString(names[i], v);
            else writer.WriteNull(names[i]);
        }
        for (var i = names.Count; i < _values.Length; i++)
            writer.WriteString($"#{i + 1}", _values[i]);
        writer.WriteEndObject();
    }
}

/// <summary>The column names of a flat source, with a name-to-index lookup built once.</summary>
public sealed class FieldHeader
{
    private readonly Dictionary<string, int> _index;

    public FieldHeader(IReadOnlyList<string> names)
    {
        Names = names;
        _index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) _index.TryAdd(names[i], i);
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);
}
