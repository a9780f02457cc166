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
        if (utf8) w.WriteStringValue(detailsUtf8);
        else w.WriteStringValue(details);
        w.WriteEndArray();
        w.Flush();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(prevHash));
        sha.AppendData(buffer.WrittenSpan);
        if (buffer.Capacity > 1 << 20) _buffer = null; // do not keep an outsized buffer for the thread's lifetime
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;
}
