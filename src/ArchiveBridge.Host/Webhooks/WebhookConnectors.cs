using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// The connectors with a <c>webhook</c> block. Built once at startup: a wrong verify or mode value, a bad
/// duration or an unset secret variable stops <c>serve</c> with the field at fault, instead of answering
/// every webhook with an error later.
/// </summary>
public sealed class WebhookConnectors
{
    private readonly Dictionary<string, WebhookConnector> _byId;

    public WebhookConnectors(IEnumerable<WebhookConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        _byId = connectors.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<WebhookConnector> All => _byId.Values;

    public bool TryGet(string connectorId, out WebhookConnector connector) => _byId.TryGetValue(connectorId, out connector!);

    public static WebhookConnectors Create(LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new WebhookConnectors(config.Connectors.Where(c => c.Webhook is not null).Select(Create));
    }

    public static WebhookConnector Create(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var section = definition.Webhook ?? throw new ArgumentException($"connector '{definition.Id}' has no webhook block", nameof(definition));
        string Field(string name) => $"connectors[{definition.Index}].webhook.{name}";
        var file = definition.ConfigFile;
        var options = new WebhookOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"connector '{definition.Id}': {ex.Message}", file, $"connectors[{definition.Index}].webhook", ex);
        }

        var mode = options.Mode.ToLowerInvariant() switch
        {
            WebhookOptions.DocumentMode => WebhookMode.Document,
            WebhookOptions.NotifyMode => WebhookMode.Notify,
            _ => throw new ConfigurationException($"'{options.Mode}' is not a webhook mode (allowed: document, notify)", file, Field("mode")),
        };
        var receiveOnly = string.Equals(definition.Type, "webhook", StringComparison.OrdinalIgnoreCase);
        if (mode == WebhookMode.Notify && receiveOnly)
            throw new ConfigurationException($"connector '{definition.Id}' is of type webhook: it has nothing to pull, so its mode must be document", file, Field("mode"));
        if (mode == WebhookMode.Document && definition.MappingPath is null)
            throw new ConfigurationException($"connector '{definition.Id}' takes documents by webhook, so it needs a 'mapping'", file, $"connectors[{definition.Index}].mapping");
        if (options.MaxBodyBytes <= 0)
            throw new ConfigurationException($"maxBodyBytes must be positive (got {options.MaxBodyBytes})", file, Field("maxBodyBytes"));
        if (options.Tolerance <= TimeSpan.Zero)
            throw new ConfigurationException($"tolerance must be positive (got {options.Tolerance})", file, Field("tolerance"));
        if (options.ReplayWindow < TimeSpan.Zero)
            throw new ConfigurationException($"replayWindow must not be negative (got {options.ReplayWindow})", file, Field("replayWindow"));

        var secret = SecretValue.Resolve(options.Secret, Field("secret"), file);
        IWebhookVerifier verifier = options.Verify.ToLowerInvariant() switch
        {
            WebhookOptions.Standard => StandardVerifier(secret, options.Tolerance, file, Field("secret")),
            WebhookOptions.HmacSha256 => new HubSignatureVerifier(secret),
            _ => throw new ConfigurationException($"'{options.Verify}' is not a webhook verification (allowed: standard, hmac-sha256)", file, Field("verify")),
        };
        return new WebhookConnector(definition, mode, verifier, options);
    }

    private static StandardWebhookVerifier StandardVerifier(string secret, TimeSpan tolerance, string? file, string field)
    {
        try
        {
            return StandardWebhookVerifier.FromSecret(secret, tolerance);
        }
        catch (FormatException ex)
        {
            // Never echo the secret: name where it came from and what shape it must have.
            throw new ConfigurationException("a standard webhook secret must be 'whsec_' followed by base64", file, field, ex);
        }
    }
}
