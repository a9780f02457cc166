using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Core;

/// <summary>Source-generated log messages of Core (one place, stable event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Run {RunId} of connector {Connector} started ({Trigger})")]
    public static partial void RunStarted(ILogger logger, string runId, string connector, string trigger);

    [LoggerMessage(1001, LogLevel.Information, "Run {RunId} of connector {Connector} finished {Status}: {Read} read in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string runId, string connector, string status, long read, long elapsedMs);

    [LoggerMessage(1002, LogLevel.Error, "Run {RunId} of connector {Connector}: a batch could not be stored")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string runId, string connector);

    [LoggerMessage(1003, LogLevel.Error, "Run {RunId} of connector {Connector}: the source failed")]
    public static partial void SourceFailed(ILogger logger, Exception exception, string runId, string connector);

    [LoggerMessage(1004, LogLevel.Warning, "Connector {Connector}: write-back after commit failed; the next run repeats it")]
    public static partial void AcknowledgeFailed(ILogger logger, Exception exception, string connector);
}
