using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// The GitHub-style scheme many business systems copy: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, an
/// HMAC-SHA256 of the body keyed with the secret's UTF-8 bytes. It signs no id or time, so the webhook id comes
/// from <c>X-Webhook-Id</c> / <c>X-Request-Id</c>, else the body's SHA-256 (the same body twice is one webhook).
/// </summary>
public sealed class HubSignatureVerifier(string secret) : IWebhookVerifier
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";
    private static readonly string[] IdHeaders = ["X-Webhook-Id", "X-Request-Id"];

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret ?? throw new ArgumentNullException(nameof(secret)));

    /// <summary>The header value a sender sends for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));

    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var header = headers[SignatureHeader].ToString();
        if (header.Length == 0) return WebhookVerification.Reject($"missing {SignatureHeader} header");
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return WebhookVerification.Reject($"{SignatureHeader} must be '{Prefix}<hex HMAC-SHA256 of the body>'");
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return WebhookVerification.Reject($"{SignatureHeader} is not hexadecimal");
        }
        if (!CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(_key, body)))
            return WebhookVerification.Reject($"{SignatureHeader} does not match the body");

        foreach (var name in IdHeaders)
            if (headers[name].ToString() is { Length: > 0 } id) return WebhookVerification.Accept(id);
        return WebhookVerification.Accept("sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)));
    }
}
