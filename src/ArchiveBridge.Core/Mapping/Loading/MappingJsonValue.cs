using System.Text.Json;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>
/// A JSON value of a mapping file with the line it starts on. System.Text.Json's DOM forgets positions,
/// and a diagnostic without a line number sends an admin hunting through the file.
/// </summary>
internal sealed class MappingJsonValue
{
    public MappingJsonValue(JsonValueKind kind, int line, string? text = null)
    {
        Kind = kind;
        Line = line;
        Text = text;
    }

    public JsonValueKind Kind { get; }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }

    /// <summary>A string's value, or a number's JSON text.</summary>
    public string? Text { get; }

    public List<MappingJsonMember> Members { get; } = [];

    public List<MappingJsonValue> Items { get; } = [];

    public string KindName => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A property of a JSON object: its name, the line of the name, and its value.</summary>
internal sealed record MappingJsonMember(string Name, int Line, MappingJsonValue Value);
