namespace ArchiveBridge.Connectors.Rest;

/// <summary>The <c>rateLimit</c> block: at most this many requests per second leave the connector (retries included).</summary>
public sealed class RestRateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 10;
}
