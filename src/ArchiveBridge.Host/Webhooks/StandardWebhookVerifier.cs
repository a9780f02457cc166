using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Standard Webhooks (standardwebhooks.com): <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64&gt;</c>
/// entries (several while a sender rotates its secret), each an HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>
/// keyed with the base64 part of the <c>whsec_</c> secret. The timestamp is signed, so a replay outside the
/// tolerance cannot be made fresh.
/// </summary>
public sealed class StandardWebhookVerifier : IWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    private readonly byte[] _key;
    private readonly TimeSpan _tolerance;

    public StandardWebhookVerifier(byte[] key, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _tolerance = tolerance;
    }

    /// <summary>From a <c>whsec_…</c> secret (the prefix is optional); throws <see cref="FormatException"/> when it is not base64.</summary>
    public static StandardWebhookVerifier FromSecret(string secret, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return new StandardWebhookVerifier(Convert.FromBase64String(encoded), tolerance);
    }

    /// <summary>The <c>v1,&lt;base64&gt;</c> signature a sender puts in <c>webhook-signature</c>.</summary>
    public string Sign(string webhookId, string timestamp, ReadOnlySpan<byte> body) => "v1," + Convert.ToBase64String(Compute(webhookId, timestamp, body));

    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var id = headers[IdHeader].ToString();
        var timestamp = headers[TimestampHeader].ToString();
        var signatures = string.Join(' ', headers[SignatureHeader].ToArray());
        if (id.Length == 0 || timestamp.Length == 0 || signatures.Length == 0)
            return WebhookVerification.Reject($"missing {IdHeader}, {TimestampHeader} or {SignatureHeader} header");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return WebhookVerification.Reject($"{TimestampHeader} '{timestamp}' is not a Unix time in seconds");
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((now - sent).Duration() > _tolerance)
            return WebhookVerification.Reject($"{TimestampHeader} {sent:O} is more than {_tolerance} from the server time {now:O}");

        var expected = Compute(id, timestamp, body);
        Span<byte> candidate = stackalloc byte[64];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Other schemes (v1a asymmetric) may sit beside v1; only v1 is ours to check.
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)) continue;
            if (Convert.TryFromBase64String(entry[3..], candidate, out var length) &&
                CryptographicOperations.FixedTimeEquals(candidate[..length], expected))
                return WebhookVerification.Accept(id);
        }
        return WebhookVerification.Reject($"no {SignatureHeader} entry matches the body (signed content: {IdHeader}.{TimestampHeader}.body)");
    }

    private byte[] Compute(string webhookId, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
