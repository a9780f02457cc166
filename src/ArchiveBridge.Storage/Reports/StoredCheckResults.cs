using System.Globalization;
using System.Text.Json;
using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Storage.Reports;

/// <summary>
/// Reads <c>records.checks</c>: <c>{"passed":[ids],"failed":[CheckResult…]}</c>. Tolerant of how the results were
/// serialised (camel or Pascal case, enums as names or numbers), because the evidence must stay readable across
/// versions of the writer; a property missing from a result is taken from <see cref="CheckCatalog"/>.
/// </summary>
internal static class StoredCheckResults
{
    public sealed record Failed(string Id, string Property, string Level, string? Subject, string Message, string? MessageZh);

    /// <summary>Stands for results that cannot be read: evidence lost or altered, which the report must show, not skip.</summary>
    public const string UnreadableId = "report.checks_unreadable";

    /// <summary>The count of passed checks and the failed results; text that is not such an object is one unreadable failure.</summary>
    public static (int Passed, List<Failed> Failed) Parse(string json)
    {
        var failed = new List<Failed>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException ex) { return (0, [Unreadable(ex.Message)]); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (0, [Unreadable($"a JSON {doc.RootElement.ValueKind}, not an object")]);
            var passed = Get(doc.RootElement, "passed") is { ValueKind: JsonValueKind.Array } p ? p.GetArrayLength() : 0;
            if (Get(doc.RootElement, "failed") is { ValueKind: JsonValueKind.Array } list)
            {
                foreach (var r in list.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.Object) continue;
                    var id = Text(r, "id") ?? "unknown";
                    var definition = CheckCatalog.Find(id);
                    failed.Add(new Failed(
                        id,
                        EnumText<CheckProperty>(Get(r, "property")) ?? (definition is null ? "" : Lower(definition.Property)),
                        EnumText<CheckLevel>(Get(r, "level")) ?? (definition is null ? "" : Lower(definition.DefaultLevel)),
                        Text(r, "subject"),
                        Text(r, "message") ?? "",
                        Text(r, "messageZh")));
                }
            }
            return (passed, failed);
        }
    }

    private static Failed Unreadable(string why) => new(UnreadableId, "", "block", "checks",
        $"the stored check results cannot be read ({why})", $"存储的检查结果无法读取（{why}）");

    private static JsonElement? Get(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static string? Text(JsonElement obj, string name) => Get(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>The enum member's name, lower case (<c>warn</c>, <c>authenticity</c>), from a name or a number.</summary>
    private static string? EnumText<T>(JsonElement? value) where T : struct, Enum => value switch
    {
        { ValueKind: JsonValueKind.String } s when Enum.TryParse<T>(s.GetString(), ignoreCase: true, out var e) => Lower(e),
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && Enum.IsDefined(typeof(T), i) => Lower((T)(object)i),
        _ => null,
    };

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLower(CultureInfo.InvariantCulture);
}
