using System.Text.Json;

namespace ArchiveBridge.Core.Sources;

/// <summary>
/// The fields of one source record. Two shapes cover every connector: flat name/value rows (CSV, database)
/// and JSON documents (REST, webhooks). Values are read as strings; the mapping converts them.
/// </summary>
public abstract class SourceFields
{
    /// <summary>Looks up a top-level field by its exact name (a CSV header, a column, a JSON property).</summary>
    public abstract bool TryGetValue(string name, out string? value);

    /// <summary>Appends every scalar value <paramref name="path"/> selects (arrays flatten with <c>[*]</c>).</summary>
    public abstract void Select(FieldPath path, List<string?> results);

    /// <summary>Selects sub-objects (for <c>attachments.each</c>); flat rows have none.</summary>
    public abstract IEnumerable<SourceFields> SelectObjects(FieldPath path);

    /// <summary>The names of the top-level fields, in source order.</summary>
    public abstract IEnumerable<string> Names { get; }

    /// <summary>Writes the record as it came, as JSON: the raw payload kept in quarantine and audit.</summary>
    public abstract void WriteRawJson(Utf8JsonWriter writer);

    public string ToRawJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteRawJson(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
