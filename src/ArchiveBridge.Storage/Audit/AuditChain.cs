using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// The audit log's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's
/// canonical form, so editing or deleting any entry breaks every hash after it. The genesis prevHash is
/// 64 zeros.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Canonical form: a JSON array [seq, at, actor, action, subject, details] in UTF-8.</summary>
    public static string ComputeHash(string prevHash, long seq, string at, string actor, string action, string subject, string details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return ComputeHash(prevHash, seq, at, actor, action, subject, details.AsSpan(), default, utf8: false);
    }

    /// <summary>The same hash for details given as UTF-8 (a batch's entry is written as UTF-8 and never made a string).</summary>
    public static string ComputeHash(string prevHash, long seq, string at, string actor, string action, string subject, ReadOnlySpan<byte> detailsUtf8) =>
        ComputeHash(prevHash, seq, at, actor, action, subject, default, detailsUtf8, utf8: true);

    private static string ComputeHash(string prevHash, long seq, string at, string actor, string action, string subject,
        ReadOnlySpan<char> details, ReadOnlySpan<byte> detailsUtf8, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        // One buffer and writer per thread: a batch entry's details run to a hundred kilobytes, and a fresh
        // buffer each time would be a large-object allocation per batch.
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var w = _writer ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartArray();
        w.WriteNumberValue(seq);
        w.WriteStringValue(at);
        w.WriteStringValue(actor);
        w.WriteStringValue(action);
        w.WriteStringValue(subject);
        if (!utf8) w.WriteStringValue(details);
        else if (!TryWriteEscaped(w, detailsUtf8)) w.WriteStringValue(detailsUtf8);
        w.WriteEndArray();
        w.Flush();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(prevHash));
        sha.AppendData(buffer.WrittenSpan);
        if (buffer.Capacity > 1 << 20) _buffer = null; // do not keep an outsized buffer for the thread's lifetime
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// Writes the details as the JSON string <see cref="Utf8JsonWriter"/> makes of them, without its escaping loop,
    /// when they hold only bytes it keeps and quotes: a batch's entry (ids, digests and punctuation, a hundred
    /// kilobytes) is all quotes and such bytes, and escaping it byte by byte took most of the batch's hashing time.
    /// </summary>
    private static bool TryWriteEscaped(Utf8JsonWriter w, ReadOnlySpan<byte> details)
    {
        if (Escaping.Quote is not { } quote || details.ContainsAnyExcept(Escaping.KeptOrQuote)) return false;
        var length = 2 + details.Length + details.Count((byte)'"') * (quote.Length - 1);
        if (_escaped is null || _escaped.Length < length) _escaped = new byte[Math.Max(length, 4096)];
        var into = _escaped.AsSpan(0, length);
        into[0] = into[^1] = (byte)'"';
        var at = 1;
        for (var rest = details; ;)
        {
            var next = rest.IndexOf((byte)'"');
            var run = next < 0 ? rest : rest[..next];
            run.CopyTo(into[at..]);
            at += run.Length;
            if (next < 0) break;
            quote.CopyTo(into[at..]);
            at += quote.Length;
            rest = rest[(next + 1)..];
        }
        w.WriteRawValue(into, skipInputValidation: true);
        if (_escaped.Length > 1 << 20) _escaped = null;
        return true;
    }

    /// <summary>Whether <see cref="TryWriteEscaped"/> found the writer's escape for a quote (tests ask).</summary>
    internal static bool EscapesQuotesByHand => Escaping.Quote is not null;

    /// <summary>What the writer's default escaping does to ASCII, asked of the writer itself once.</summary>
    private static class Escaping
    {
        /// <summary>The printable ASCII bytes a JSON string keeps as they are, and the quote.</summary>
        public static readonly SearchValues<byte> KeptOrQuote;

        /// <summary>What the writer writes for a quote; null if it writes other bytes than that escape for a lone quote.</summary>
        public static readonly byte[]? Quote;

        static Escaping()
        {
            var kept = new List<byte> { (byte)'"' };
            for (var b = (byte)0x20; b < 0x7F; b++)
            {
                var written = Written(b);
                if (b == (byte)'"') Quote = written.Length > 2 && written[0] == '"' && written[^1] == '"' ? written[1..^1] : null;
                else if (written.Length == 3 && written[1] == b) kept.Add(b);
            }
            KeptOrQuote = SearchValues.Create(kept.ToArray());
        }

        private static byte[] Written(byte b)
        {
            var buffer = new ArrayBufferWriter<byte>(16);
            using (var w = new Utf8JsonWriter(buffer)) w.WriteStringValue([b]);
            return buffer.WrittenSpan.ToArray();
        }
    }

    [ThreadStatic] private static byte[]? _escaped;
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;
}
