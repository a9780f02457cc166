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
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteNumberValue(seq);
            w.WriteStringValue(at);
            w.WriteStringValue(actor);
            w.WriteStringValue(action);
            w.WriteStringValue(subject);
            w.WriteStringValue(details);
            w.WriteEndArray();
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(prevHash));
        sha.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
