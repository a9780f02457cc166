using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchiveBridge.Host.Cli;

/// <summary>JSON as the CLI prints it: camelCase, Chinese unescaped, one object per line unless indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? Indented : Compact);
}
