using System.Text.Json;

namespace ArchiveBridge.Host.Checking;

/// <summary>
/// Maps config paths (<c>connectors[1].settings.path</c>) to the line they are written on, so every
/// problem <c>check</c> reports points at a line an admin can open.
/// </summary>
public sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineIndex(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);
        int LineOf(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        _lines.TryAdd(Join(path, pendingName!), LineOf(reader.TokenStartIndex));
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(NextSegment(ref pendingName, arrayIndex, path));
                        if (arrayIndex.Count > 0 && path.Count > 1) _lines.TryAdd(Join(path, null), LineOf(reader.TokenStartIndex));
                        arrayIndex.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        arrayIndex.Pop();
                        path.RemoveAt(path.Count - 1);
                        if (arrayIndex.Count > 0 && arrayIndex.Peek() >= 0) arrayIndex.Push(arrayIndex.Pop() + 1);
                        break;
                    default:
                        if (pendingName is null && arrayIndex.Count > 0 && arrayIndex.Peek() >= 0) arrayIndex.Push(arrayIndex.Pop() + 1);
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // check reports the syntax error separately; keep what was indexed.
        }
    }

    /// <summary>The line of <paramref name="path"/>, else of its nearest indexed parent, else 0.</summary>
    public int LineOf(string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (_lines.TryGetValue(p, out var line)) return line;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? "" : p[..cut];
        }
        return 0;
    }

    private static string NextSegment(ref string? pendingName, Stack<int> arrayIndex, List<string> path)
    {
        if (path.Count == 0) return "";
        if (pendingName is not null)
        {
            var name = pendingName;
            pendingName = null;
            return name;
        }
        return arrayIndex.Count > 0 && arrayIndex.Peek() >= 0 ? $"[{arrayIndex.Peek()}]" : "";
    }

    private static string Join(List<string> path, string? name)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Length == 0) continue;
            if (segment[0] != '[' && sb.Length > 0) sb.Append('.');
            sb.Append(segment);
        }
        if (name is not null)
        {
            if (sb.Length > 0) sb.Append('.');
            sb.Append(name);
        }
        return sb.ToString();
    }
}
