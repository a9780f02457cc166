using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// A read position: the (watermark, key) of the last row yielded, the columns it refers to, and the identities
/// of the rows already yielded inside the overlap window. Stored by the pipeline as an opaque string, e.g.
/// <c>{"v":1,"watermark":"updated_at","key":"voucher_id","w":"s:2024-03-01 10:00:00","k":"i:17","seen":"…"}</c>.
/// </summary>
internal sealed record DatabaseCheckpoint(string WatermarkColumn, string KeyColumn, TypedValue Watermark, TypedValue Key, IReadOnlyList<ulong> Seen)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("watermark", WatermarkColumn);
            writer.WriteString("key", KeyColumn);
            writer.WriteString("w", Watermark.Encode());
            writer.WriteString("k", Key.Encode());
            if (Seen.Count > 0)
            {
                var bytes = new byte[Seen.Count * sizeof(ulong)];
                for (var i = 0; i < Seen.Count; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), Seen[i]);
                writer.WriteBase64String("seen", bytes);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses a checkpoint this connector wrote; null when <paramref name="text"/> is not one.</summary>
    public static DatabaseCheckpoint? TryDecode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("v", out var version) || version.GetInt32() != 1) return null;
            if (!TypedValue.TryDecode(root.GetProperty("w").GetString() ?? "", out var watermark)) return null;
            if (!TypedValue.TryDecode(root.GetProperty("k").GetString() ?? "", out var key)) return null;
            var seen = new List<ulong>();
            if (root.TryGetProperty("seen", out var seenElement))
            {
                var bytes = seenElement.GetBytesFromBase64();
                for (var i = 0; i + sizeof(ulong) <= bytes.Length; i += sizeof(ulong)) seen.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i)));
            }
            return new DatabaseCheckpoint(root.GetProperty("watermark").GetString() ?? "", root.GetProperty("key").GetString() ?? "", watermark, key, seen);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
