using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>
/// Reads one field path from a record. Flat rows (CSV, database) share one header per file, so the
/// column index is resolved once per header and each row costs an array read, not a name lookup.
/// </summary>
internal sealed class FieldReader
{
    [ThreadStatic] private static List<string?>? t_scratch;

    private readonly string _name;
    private readonly FieldPath? _path;
    private readonly bool _wildcard;
    private HeaderSlot? _slot;

    public FieldReader(FieldSyntax field)
    {
        _name = field.Name;
        _path = field.Path;
        _wildcard = field.HasWildcard;
    }

    public MappedValue Read(SourceFields fields)
    {
        if (fields is FlatSourceFields flat && (_path is null || _path.IsSimple))
        {
            // Replaced as a whole, so concurrent readers see either the old or the new header, never a mix.
            var slot = _slot;
            if (slot is null || !ReferenceEquals(slot.Header, flat.Header))
                _slot = slot = new HeaderSlot(flat.Header, flat.Header.TryGetIndex(_name, out var found) ? found : -1);
            var values = flat.Values;
            return slot.Index >= 0 && slot.Index < values.Count ? MappedValue.Of(values[slot.Index]) : MappedValue.Empty;
        }
        return _path is null
            ? fields.TryGetValue(_name, out var value) ? MappedValue.Of(value) : MappedValue.Empty
            : Select(fields, _path);
    }

    /// <summary>The value as one text (lists joined), for template parts.</summary>
    public string? ReadText(SourceFields fields) => Read(fields).AsText();

    private MappedValue Select(SourceFields fields, FieldPath path)
    {
        // Select appends into a list; one per thread is reused because the results are copied out at once.
        var results = t_scratch ??= new List<string?>(8);
        results.Clear();
        fields.Select(path, results);
        switch (results.Count)
        {
            case 0:
                return MappedValue.Empty;
            case 1 when !_wildcard:
                return MappedValue.Of(results[0]);
            default:
                var items = results.ToArray();
                results.Clear();
                return MappedValue.List(items);
        }
    }

    private sealed record HeaderSlot(FieldHeader Header, int Index);
}
