using System.Buffers;
using System.Text.Json;

namespace ArchiveBridge.Core.Records;

/// <summary>
/// The record JSON the store keeps: the record's content and provenance, without what the row's own columns hold —
/// id, 档号, 件号, version, fingerprint, connector and source key, and the content fields with columns of their own
/// (fonds, category, year, retention, org, title, document number, date), laid back over it when read — and without
/// empty lists. A million-record load writes every byte of it to the WAL, copies it into the database and reads it
/// again for each index it builds: the identity columns' copies were an eighth of every row's bytes, the content
/// columns' another eighth. A kept older version (<see cref="SerializeVersion"/>) has no such columns: its JSON
/// holds the content fields.
/// Written by hand with one reused writer per thread: no serializer state and no growing buffer per record.
/// Read with <see cref="RecordJson"/> (missing members keep their defaults), so older rows that still carry the
/// column values read the same.
/// </summary>
public static class StoredRecordJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Chinese stays readable in the store (no \uXXXX escapes), as RecordJson writes it.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The stored JSON of <paramref name="record"/> for its records row, as UTF-8.</summary>
    public static byte[] Serialize(ArchiveRecord record) => Serialize(record, contentColumns: false);

    /// <summary>The stored JSON of a superseded version for record_versions, as UTF-8: the content fields included.</summary>
    public static byte[] SerializeVersion(ArchiveRecord record) => Serialize(record, contentColumns: true);

    private static byte[] Serialize(ArchiveRecord record, bool contentColumns) => Written(record, contentColumns).ToArray();

    /// <summary>
    /// As <see cref="Serialize(ArchiveRecord)"/>, into a buffer of <see cref="RecordBufferPool"/>: the caller gives it
    /// back once the bytes are copied where they go.
    /// </summary>
    internal static ArraySegment<byte> SerializePooled(ArchiveRecord record) => SerializePooled(record, [], [], out _);

    /// <summary>
    /// As <see cref="SerializePooled(ArchiveRecord)"/>, with <paramref name="texts"/> encoded as UTF-8 after the JSON
    /// (<paramref name="jsonLength"/> bytes) in the same buffer, their byte lengths (-1 for null) in <paramref name="lengths"/>.
    /// </summary>
    internal static ArraySegment<byte> SerializePooled(ArchiveRecord record, ReadOnlySpan<string?> texts, Span<int> lengths, out int jsonLength)
    {
        jsonLength = Written(record, contentColumns: false).Length;
        var buffer = t_buffer!;
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is not { } text)
            {
                lengths[i] = -1;
                continue;
            }
            var length = System.Text.Encoding.UTF8.GetBytes(text, buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length)));
            buffer.Advance(length);
            lengths[i] = length;
        }
        var written = buffer.WrittenSpan;
        var pooled = RecordBufferPool.Rent(written.Length);
        written.CopyTo(pooled);
        return new ArraySegment<byte>(pooled, 0, written.Length);
    }

    /// <summary>The JSON in this thread's reused buffer: valid until the thread serializes again.</summary>
    private static ReadOnlySpan<byte> Written(ArchiveRecord record, bool contentColumns)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        Write(writer, record, contentColumns);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Reads a stored record and lays the row's columns over it.</summary>
    public static ArchiveRecord Deserialize(string json, StoredRecordColumns columns)
    {
        var record = RecordJson.Deserialize(json);
        record.Id = columns.Id;
        record.ArchivalCode = columns.ArchivalCode;
        record.ItemNo = columns.ItemNo;
        record.Version = columns.Version;
        record.Fingerprint = columns.Fingerprint;
        record.Source.ConnectorId = columns.ConnectorId;
        record.Source.SourceKey = columns.SourceKey;
        if (columns.Content is { } content)
        {
            record.Fonds = content.Fonds;
            record.Category = content.Category;
            record.Year = content.Year;
            record.Retention = content.Retention;
            record.Org = content.Org;
            record.Title = content.Title;
            record.DocNumber = content.DocNumber;
            record.Date = content.Date;
        }
        return record;
    }

    // Member names and order as RecordJson writes them (camelCase, declaration order).
    private static void Write(Utf8JsonWriter w, ArchiveRecord r, bool contentColumns)
    {
        w.WriteStartObject();
        if (contentColumns) Str(w, "fonds", r.Fonds);
        Str(w, "fondsUnit", r.FondsUnit);
        if (contentColumns)
        {
            Str(w, "category", r.Category);
            Num(w, "year", r.Year);
            Str(w, "retention", r.Retention);
            Str(w, "org", r.Org);
            Str(w, "title", r.Title);
            Str(w, "docNumber", r.DocNumber);
        }
        Str(w, "responsible", r.Responsible);
        if (contentColumns) Str(w, "date", r.Date);
        Str(w, "security", r.Security);
        Num(w, "pages", r.Pages);
        Str(w, "docType", r.DocType);
        if (r.Keywords.Count > 0)
        {
            w.WriteStartArray("keywords");
            foreach (var k in r.Keywords) w.WriteStringValue(k);
            w.WriteEndArray();
        }
        Str(w, "notes", r.Notes);
        WriteSource(w, r.Source);
        if (r.Attachments.Count > 0)
        {
            w.WriteStartArray("attachments");
            foreach (var a in r.Attachments)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteString("sha256", a.Sha256);
                w.WriteNumber("size", a.Size);
                Str(w, "mediaType", a.MediaType);
                Str(w, "format", a.Format);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (r.Events.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in r.Events)
            {
                w.WriteStartObject();
                w.WriteString("action", e.Action);
                Str(w, "at", e.At);
                Str(w, "by", e.By);
                Str(w, "detail", e.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (r.Extra.Count > 0)
        {
            w.WriteStartObject("extra");
            foreach (var (key, value) in r.Extra) w.WriteString(key, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter w, RecordSource s)
    {
        w.WriteStartObject("source");
        Str(w, "system", s.System);
        Str(w, "url", s.Url);
        if (s.RetrievedAt is { } at) w.WriteString("retrievedAt", at);
        Str(w, "location", s.Location);
        if (s.LineNumber is { } line) w.WriteNumber("lineNumber", line);
        w.WriteEndObject();
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Num(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }
}
