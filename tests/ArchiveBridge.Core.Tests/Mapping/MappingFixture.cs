using System.Text.Json;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Tests.Mapping;

/// <summary>Builds small mappings and records for the mapping tests.</summary>
internal static class MappingFixture
{
    public const string FileName = "mappings/test.json";

    /// <summary>A mapping with one field <paramref name="target"/> set by <paramref name="expression"/>.</summary>
    public static CompiledMapping Single(string expression, string target = "extra.x", string lookups = "{}") =>
        MappingLoader.Parse($$"""{ "name": "t", "fields": { "{{target}}": {{Quote(expression)}} }, "lookups": {{lookups}} }""", FileName);

    /// <summary>Maps one flat row with <paramref name="expression"/> and returns the value of extra.x (null when empty).</summary>
    public static string? Eval(string expression, params (string Name, string? Value)[] cells) =>
        Value(Single(expression).Map(Row(cells)));

    public static string? Value(MappingResult result, string target = "extra.x")
    {
        Assert.True(result.Succeeded, $"unexpected problem: {result.Problem}");
        return result.Values.TryGetValue(target, out var value) ? value : null;
    }

    /// <summary>A flat row (CSV-like) with the source key "k1".</summary>
    public static SourceRecord Row(params (string Name, string? Value)[] cells) =>
        new(new FlatSourceFields(new FieldHeader(cells.Select(c => c.Name).ToArray()), cells.Select(c => c.Value).ToArray())) { SourceKey = "k1" };

    /// <summary>A JSON document record with the source key "k1".</summary>
    public static SourceRecord Json(string json) =>
        new(new JsonSourceFields(JsonDocument.Parse(json).RootElement)) { SourceKey = "k1" };

    public static string Quote(string text) => JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The diagnostics for a mapping text.</summary>
    public static IReadOnlyList<MappingDiagnostic> Check(string json, Configuration.VocabularyOptions? vocabularies = null) =>
        MappingLoader.CheckText(json, FileName, vocabularies);
}
