using System.Text.Json;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>Follows a dotted settings path (<c>data.items</c>, <c>meta.page[0].next</c>) into a response; no wildcards.</summary>
internal static class JsonNavigator
{
    /// <summary>The element at <paramref name="path"/>, or null when a step is missing; an empty path is the root.</summary>
    public static JsonElement? Find(JsonElement root, FieldPath? path)
    {
        if (path is null) return root;
        var current = root;
        foreach (var segment in path.Segments)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Name, out var next)) return null;
            if (segment.Index is { } index)
            {
                if (next.ValueKind != JsonValueKind.Array || index >= next.GetArrayLength()) return null;
                next = next[index];
            }
            current = next;
        }
        return current;
    }

    /// <summary>The scalar text at <paramref name="path"/>; null when there is no path, or the value is missing, JSON null or empty.</summary>
    public static string? Text(JsonElement root, FieldPath? path) =>
        path is not null && Find(root, path) is { } element && JsonSourceFields.ToText(element) is { Length: > 0 } text ? text : null;

    public static FieldPath? Parse(string? path) => string.IsNullOrWhiteSpace(path) ? null : FieldPath.Parse(path);
}
