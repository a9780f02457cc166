using System.Globalization;
using System.Text.Json;

namespace ArchiveBridge.Core.Sources;

/// <summary>A JSON document (REST item, webhook payload). Nested paths and <c>[*]</c> walk it directly.</summary>
public sealed class JsonSourceFields : SourceFields
{
    private readonly JsonElement _root;

    public JsonSourceFields(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"a source record must be a JSON object, not {root.ValueKind}", nameof(root));
        _root = root;
    }

    public JsonElement Root => _root;

    public override IEnumerable<string> Names => _root.EnumerateObject().Select(p => p.Name);

    public override bool TryGetValue(string name, out string? value)
    {
        if (_root.TryGetProperty(name, out var element))
        {
            value = ToText(element);
            return true;
        }
        value = null;
        return false;
    }

    public override void Select(FieldPath path, List<string?> results)
    {
        foreach (var element in Walk(_root, path, 0))
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) results.Add(ToText(item));
            }
            else results.Add(ToText(element));
        }
    }

    public override IEnumerable<SourceFields> SelectObjects(FieldPath path)
    {
        foreach (var element in Walk(_root, path, 0))
        {
            if (element.ValueKind == JsonValueKind.Object) yield return new JsonSourceFields(element);
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) yield return new JsonSourceFields(item);
            }
        }
    }

    public override void WriteRawJson(Utf8JsonWriter writer) => _root.WriteTo(writer);

    private static IEnumerable<JsonElement> Walk(JsonElement current, FieldPath path, int depth)
    {
        if (depth == path.Segments.Count)
        {
            yield return current;
            yield break;
        }
        if (current.ValueKind != JsonValueKind.Object) yield break;
        var segment = path.Segments[depth];
        if (!current.TryGetProperty(segment.Name, out var next)) yield break;
        if (segment.Wildcard)
        {
            if (next.ValueKind != JsonValueKind.Array) yield break;
            foreach (var item in next.EnumerateArray())
                foreach (var found in Walk(item, path, depth + 1))
                    yield return found;
        }
        else if (segment.Index is { } index)
        {
            if (next.ValueKind == JsonValueKind.Array && index < next.GetArrayLength())
                foreach (var found in Walk(next[index], path, depth + 1))
                    yield return found;
        }
        else
        {
            foreach (var found in Walk(next, path, depth + 1))
                yield return found;
        }
    }

    /// <summary>Scalars as their text; objects and arrays as compact JSON; null as null.</summary>
    public static string? ToText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : element.GetRawText(),
        _ => element.GetRawText(),
    };
}
