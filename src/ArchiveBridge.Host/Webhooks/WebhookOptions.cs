namespace ArchiveBridge.Host.Webhooks;

/// <summary>A connector's <c>webhook</c> block (DESIGN §8), as written in config.</summary>
public sealed class WebhookOptions
{
    public const string Standard = "standard";
    public const string HmacSha256 = "hmac-sha256";
    public const string DocumentMode = "document";
    public const string NotifyMode = "notify";

    /// <summary><c>standard</c> (Standard Webhooks) or <c>hmac-sha256</c> (<c>X-Hub-Signature-256</c>).</summary>
    public string Verify { get; set; } = Standard;

    /// <summary>The signing secret, as <c>env:NAME</c>; for <c>standard</c> a <c>whsec_</c> base64 key.</summary>
    public string? Secret { get; set; }

    /// <summary><c>document</c>: the payload is the record; <c>notify</c>: the payload says "pull now".</summary>
    public string Mode { get; set; } = DocumentMode;

    /// <summary>Bodies larger than this are refused with 413.</summary>
    public long MaxBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How far <c>webhook-timestamp</c> may be from now (either way) before it is refused as stale.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a delivered webhook id is remembered: a repeat within it gets the first entry's id.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>What a connector does with a webhook it accepted.</summary>
public enum WebhookMode
{
    /// <summary>The payload is the document: mapped and stored through the pipeline.</summary>
    Document,

    /// <summary>The payload names a change: the connector runs and pulls it.</summary>
    Notify,
}
