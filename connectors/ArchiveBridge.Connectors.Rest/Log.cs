using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest;

/// <summary>The connector's log messages (source-generated). URLs are passed through <c>SafeUrl</c> first.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Connector {ConnectorId}: GET {Url} gave {Count} item(s)")]
    public static partial void PageRead(ILogger logger, string connectorId, string url, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Connector {ConnectorId}: retrying {Url} (attempt {Attempt}) in {Delay} after {Outcome}")]
    public static partial void Retrying(ILogger logger, string connectorId, string url, int attempt, TimeSpan delay, string outcome);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Connector {ConnectorId}: got an OAuth2 token from {TokenUrl}, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, string connectorId, string tokenUrl, TimeSpan lifetime);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Connector {ConnectorId}: {Url} refused the OAuth2 token (401); fetching a new one")]
    public static partial void TokenRefused(ILogger logger, string connectorId, string url);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Connector {ConnectorId}: attachment {From} redirects to {To}")]
    public static partial void AttachmentRedirect(ILogger logger, string connectorId, string from, string to);
}
