using System.Text.Json;

namespace ArchiveBridge.Core.Sources;

/// <summary>
/// What a <see cref="SourceRecord"/> holds once the pipeline has let go of its fields (<see cref="SourceRecord.DropFields"/>):
/// nothing to look up, and a raw payload that says so.
/// </summary>
internal sealed class DroppedSourceFields : SourceFields
{
    public static readonly DroppedSourceFields Instance = new();

    private DroppedSourceFields()
    {
    }

    public override bool TryGetValue(string name, out string? value)
    {
        value = null;
        return false;
    }

    public override void Select(FieldPath path, List<string?> results)
    {
    }

    public override IEnumerable<SourceFields> SelectObjects(FieldPath path) => [];

    public override IEnumerable<string> Names => [];

    public override void WriteRawJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("_dropped", "the source fields were released after mapping");
        writer.WriteEndObject();
    }
}
