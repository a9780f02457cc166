using ArchiveBridge.Core.Configuration;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>A connector that receives webhooks, with its block checked and its secret resolved at startup.</summary>
public sealed class WebhookConnector(ConnectorDefinition definition, WebhookMode mode, IWebhookVerifier verifier, WebhookOptions options)
{
    public ConnectorDefinition Definition { get; } = definition;
    public string Id => Definition.Id;
    public WebhookMode Mode { get; } = mode;
    public IWebhookVerifier Verifier { get; } = verifier;
    public long MaxBodyBytes => options.MaxBodyBytes;
    public TimeSpan Tolerance => options.Tolerance;
    public TimeSpan ReplayWindow => options.ReplayWindow;

    /// <summary><c>standard</c> or <c>hmac-sha256</c>, for listings.</summary>
    public string Verify => options.Verify;
}
