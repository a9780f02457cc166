using System.Text.Json;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>
/// The checkpoint of an incremental read: the watermark value and tie-break key of the last record passed,
/// stored as <c>{"v":"2024-05-01T10:00:00+08:00","k":"OA2024-0042"}</c>. Items at or before it are skipped.
/// </summary>
internal sealed record RestPosition(string Value, string Key) : IComparable<RestPosition>
{
    public int CompareTo(RestPosition? other)
    {
        if (other is null) return 1;
        var byValue = SortValue.Compare(Value, other.Value);
        return byValue != 0 ? byValue : SortValue.Compare(Key, other.Key);
    }

    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("v", Value);
            writer.WriteString("k", Key);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a stored checkpoint; null for none. A checkpoint this connector did not write is an error, not a silent restart.</summary>
    public static RestPosition? Decode(string? checkpoint, string connectorId)
    {
        if (string.IsNullOrWhiteSpace(checkpoint)) return null;
        try
        {
            using var document = JsonDocument.Parse(checkpoint);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.String
                && root.TryGetProperty("k", out var k) && k.ValueKind == JsonValueKind.String)
                return new RestPosition(v.GetString()!, k.GetString()!);
        }
        catch (JsonException)
        {
            // reported below
        }
        throw new ConnectorException(connectorId,
            $"the stored checkpoint '{checkpoint}' is not a REST position ({{\"v\": watermark, \"k\": key}}); run a full sync to start over");
    }

    public override string ToString() => Encode();
}
