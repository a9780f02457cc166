using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Database.Internal;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connector {ConnectorId}: created the sqlite database {Path} from seed script {Script} (demo aid)")]
    public static partial void Seeded(ILogger logger, string connectorId, string path, string script);

    [LoggerMessage(2, LogLevel.Warning, "Connector {ConnectorId}: the checkpoint was written for watermark {OldWatermark} and key {OldKey}, not {Watermark} and {Key}; reading from the start (dedup keeps the archive unchanged)")]
    public static partial void CheckpointForOtherColumns(ILogger logger, string connectorId, string oldWatermark, string oldKey, string watermark, string key);

    [LoggerMessage(3, LogLevel.Warning, "Connector {ConnectorId}: {Count} rows of {Source} have an empty watermark or key; they are read on every run until fixed")]
    public static partial void AnomalousRows(ILogger logger, string connectorId, int count, string source);

    [LoggerMessage(4, LogLevel.Information, "Connector {ConnectorId}: write-back marked {Changed} of {Count} archived rows (the others were marked already)")]
    public static partial void Acknowledged(ILogger logger, string connectorId, int count, int changed);

    [LoggerMessage(5, LogLevel.Warning, "Connector {ConnectorId}: {Count} archived items have no source key and were not written back")]
    public static partial void AcknowledgedWithoutKey(ILogger logger, string connectorId, int count);

    [LoggerMessage(6, LogLevel.Debug, "Connector {ConnectorId}: read {Pass} pass: {Yielded} rows yielded, {Skipped} already seen")]
    public static partial void PassRead(ILogger logger, string connectorId, string pass, int yielded, int skipped);
}
