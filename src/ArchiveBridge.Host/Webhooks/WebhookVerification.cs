using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>Checks that a webhook comes from the holder of the secret, and names its webhook id.</summary>
public interface IWebhookVerifier
{
    WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now);
}

/// <summary>The outcome of a verification: the webhook id, or why the request was refused (never the secret).</summary>
public readonly record struct WebhookVerification(string? WebhookId, string? Error)
{
    public bool Succeeded => Error is null;

    public static WebhookVerification Accept(string webhookId) => new(webhookId, null);

    public static WebhookVerification Reject(string error) => new(null, error);
}
