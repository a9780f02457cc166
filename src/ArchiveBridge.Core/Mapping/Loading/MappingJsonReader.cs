using System.Text.Json;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>
/// Reads a mapping file into <see cref="MappingJsonValue"/>s with line numbers (from each token's byte
/// offset). Comments and trailing commas are allowed: mapping files are written and annotated by hand.
/// </summary>
internal static class MappingJsonReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> (with line and column) on bad JSON.</summary>
    public static MappingJsonValue Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read()) throw new JsonException("the file is empty", null, 0, 0);
        var root = ReadValue(ref reader, lines);
        if (reader.Read()) throw new JsonException("unexpected content after the mapping object", null, lines.LineOf(reader.TokenStartIndex) - 1, null);
        return root;
    }

    private static MappingJsonValue ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new MappingJsonValue(JsonValueKind.Object, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameLine = lines.LineOf(reader.TokenStartIndex);
                    reader.Read();
                    obj.Members.Add(new MappingJsonMember(name, nameLine, ReadValue(ref reader, lines)));
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new MappingJsonValue(JsonValueKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    array.Items.Add(ReadValue(ref reader, lines));
                return array;
            case JsonTokenType.String:
                return new MappingJsonValue(JsonValueKind.String, line, reader.GetString());
            case JsonTokenType.Number:
                return new MappingJsonValue(JsonValueKind.Number, line, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new MappingJsonValue(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new MappingJsonValue(JsonValueKind.False, line);
            default:
                return new MappingJsonValue(JsonValueKind.Null, line);
        }
    }

    /// <summary>Byte offsets of line starts, so a token's line is one binary search.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _newlines = [];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = utf8.IndexOf((byte)'\n'); i >= 0;)
            {
                _newlines.Add(i);
                var next = utf8[(i + 1)..].IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public int LineOf(long offset)
        {
            var index = _newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }
    }
}
