using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchiveBridge.Core.Records;

/// <summary>JSON of the canonical record (camelCase as DESIGN §3 names the fields), source-generated for the hot path.</summary>
public static class RecordJson
{
    // Chinese stays readable in the store and in reports (no \uXXXX escapes).
    private static readonly RecordJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(ArchiveRecord record) => JsonSerializer.Serialize(record, Context.ArchiveRecord);

    public static ArchiveRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Context.ArchiveRecord) ?? throw new JsonException("empty record JSON");

    public static JsonSerializerOptions Options => Context.Options;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ArchiveRecord))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
