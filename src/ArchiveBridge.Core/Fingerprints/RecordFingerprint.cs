using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Fingerprints;

/// <summary>
/// 数字摘要. Auditors are told that equal fingerprints mean equal content, so the definition is exact:
/// <list type="number">
/// <item>Take the record's descriptive metadata: fonds, fondsUnit, category, year, retention, org, title,
/// docNumber, responsible, date, security, pages, docType, keywords (in order), notes and every extra.* field.
/// Identity and bookkeeping are excluded: id, archivalCode, itemNo, version, fingerprint, source (system,
/// connector, key, URL, retrieved-at, run) and events.</item>
/// <item>Normalise every string: Unicode NFC, leading/trailing white space removed, every run of inner white
/// space replaced by one U+0020. Fields that are then empty are left out.</item>
/// <item>Write one JSON object with the keys in ordinal order (extra as a nested object, keys ordinal),
/// numbers as integers, no insignificant white space, UTF-8, characters not escaped beyond JSON's minimum,
/// plus <c>"attachments"</c>: the attachments' lower-case hex SHA-256 values, sorted ordinally.</item>
/// <item>The fingerprint is the lower-case hex SHA-256 of those UTF-8 bytes.</item>
/// </list>
/// </summary>
public static class RecordFingerprint
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Computes the fingerprint of <paramref name="record"/> including its attachments' digests.</summary>
    public static string Compute(ArchiveRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        WriteCanonical(writer, record);
        writer.Flush();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The canonical form itself, for auditors who want to recompute a fingerprint by hand.</summary>
    public static string CanonicalJson(ArchiveRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteCanonical(writer, record);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCanonical(Utf8JsonWriter w, ArchiveRecord r)
    {
        // Keys in ordinal order: attachments, category, date, docNumber, docType, extra, fonds, fondsUnit,
        // keywords, notes, org, pages, responsible, retention, security, title, year.
        w.WriteStartObject();
        if (r.Attachments.Count > 0)
        {
            w.WriteStartArray("attachments");
            if (r.Attachments.Count == 1) w.WriteStringValue(r.Attachments[0].Sha256.ToLowerInvariant());
            else
            {
                var hashes = r.Attachments.Select(a => a.Sha256.ToLowerInvariant()).ToArray();
                Array.Sort(hashes, StringComparer.Ordinal);
                foreach (var h in hashes) w.WriteStringValue(h);
            }
            w.WriteEndArray();
        }
        Str(w, "category", r.Category);
        Str(w, "date", r.Date);
        Str(w, "docNumber", r.DocNumber);
        Str(w, "docType", r.DocType);
        if (r.Extra.Count > 0)
        {
            var wroteStart = false;
            foreach (var (key, value) in r.Extra) // in ordinal key order
            {
                var normalized = Normalize(value);
                if (normalized.Length == 0) continue;
                if (!wroteStart)
                {
                    w.WriteStartObject("extra");
                    wroteStart = true;
                }
                w.WriteString(Normalize(key), normalized);
            }
            if (wroteStart) w.WriteEndObject();
        }
        Str(w, "fonds", r.Fonds);
        Str(w, "fondsUnit", r.FondsUnit);
        if (r.Keywords.Count > 0)
        {
            w.WriteStartArray("keywords");
            foreach (var k in r.Keywords)
            {
                var n = Normalize(k);
                if (n.Length > 0) w.WriteStringValue(n);
            }
            w.WriteEndArray();
        }
        Str(w, "notes", r.Notes);
        Str(w, "org", r.Org);
        if (r.Pages is { } pages) w.WriteNumber("pages", pages);
        Str(w, "responsible", r.Responsible);
        Str(w, "retention", r.Retention);
        Str(w, "security", r.Security);
        Str(w, "title", r.Title);
        if (r.Year is { } year) w.WriteNumber("year", year);
        w.WriteEndObject();
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) return;
        var n = Normalize(value);
        if (n.Length > 0) w.WriteString(name, n);
    }

    /// <summary>
    /// True when every character is one that is in NFC on its own and never combines with a neighbour (quick-check
    /// Yes, combining class 0): then the string is NFC without asking ICU, which costs as much as the rest of the
    /// fingerprint. Covers most archive text — ASCII and Latin letters below U+0300, CJK ideographs U+4E00–U+9FFF,
    /// CJK punctuation (without the tone marks U+302A–U+302F) and fullwidth forms; anything else goes to ICU.
    /// </summary>
    internal static bool IsPlainlyNfc(string value)
    {
        foreach (var c in value)
        {
            if (c < '\u0300' || (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3000' && c <= '\u3029') ||
                (c >= '\u3030' && c <= '\u303F') || (c >= '\uFF01' && c <= '\uFF60'))
                continue;
            return false;
        }
        return true;
    }

    /// <summary>NFC, trimmed, inner white-space runs collapsed to one space.</summary>
    public static string Normalize(string value)
    {
        var s = IsPlainlyNfc(value) || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        var needsCollapse = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || i == 0 || i == s.Length - 1 || char.IsWhiteSpace(s[i - 1])))
            {
                needsCollapse = true;
                break;
            }
        }
        if (!needsCollapse) return s;
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
