using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Csv;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Connector {ConnectorId}: {Location} line {Line} is malformed and goes to quarantine: {Problem}")]
    public static partial void MalformedRow(ILogger logger, string connectorId, string location, long line, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Connector {ConnectorId}: resuming {Location} at line {Line} (byte {Offset})")]
    public static partial void Resuming(ILogger logger, string connectorId, string location, long line, long offset);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Connector {ConnectorId}: {Location} changed since the last checkpoint; reading it from the start (dedup recognises rows already archived)")]
    public static partial void FileChanged(ILogger logger, string connectorId, string location);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Connector {ConnectorId}: the checkpoint '{Checkpoint}' is not a CSV position; reading {Location} from the start")]
    public static partial void UnreadableCheckpoint(ILogger logger, string connectorId, string checkpoint, string location);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug,
        Message = "Connector {ConnectorId}: reading {Location} ({Length} bytes) as {Encoding}")]
    public static partial void Reading(ILogger logger, string connectorId, string location, long length, string encoding);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Connector {ConnectorId}: {Location} starts with a UTF-8 byte order mark; reading it as UTF-8 although the encoding setting is gb18030")]
    public static partial void BomOverridesSetting(ILogger logger, string connectorId, string location);
}
