using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Serve;

/// <summary>Source-generated log messages of <c>serve</c> (stable event ids 2000-2099).</summary>
internal static partial class ServeLog
{
    [LoggerMessage(2000, LogLevel.Information, "archivebridge serve listening on {Addresses}")]
    public static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(2001, LogLevel.Warning, "Admin API disabled: set ARCHIVEBRIDGE_ADMIN_TOKEN to enable /api/*")]
    public static partial void AdminDisabled(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information, "Connector {Connector} is already running ({Holder}); the {Trigger} run is skipped")]
    public static partial void AlreadyRunning(ILogger logger, string connector, string holder, string trigger);

    [LoggerMessage(2003, LogLevel.Error, "Connector {Connector} could not start a {Trigger} run: {Error}")]
    public static partial void StartFailed(ILogger logger, string connector, string trigger, string error);

    [LoggerMessage(2004, LogLevel.Error, "The webhook inbox could not commit {Count} webhooks")]
    public static partial void InboxCommitFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(2005, LogLevel.Warning, "Inbox of connector {Connector}: {Count} entries failed (attempt {Attempt}); next try at {NextAttemptAt}: {Error}")]
    public static partial void InboxRetry(ILogger logger, string connector, int count, int attempt, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(2006, LogLevel.Error, "Inbox of connector {Connector}: {Count} entries quarantined after {Attempts} attempts: {Error}")]
    public static partial void InboxQuarantined(ILogger logger, string connector, int count, int attempts, string error);

    [LoggerMessage(2007, LogLevel.Error, "Inbox processing of connector {Connector} failed")]
    public static partial void InboxPassFailed(ILogger logger, Exception exception, string connector);

    [LoggerMessage(2008, LogLevel.Information, "Inbox of connector {Connector}: {Count} entries processed by run {RunId} ({Status})")]
    public static partial void InboxProcessed(ILogger logger, string connector, int count, string runId, string status);

    [LoggerMessage(2009, LogLevel.Information, "Waiting for {Count} running connector runs to commit their batch in flight")]
    public static partial void DrainingRuns(ILogger logger, int count);

    [LoggerMessage(2010, LogLevel.Error, "Run of connector {Connector} ({Trigger}) failed unexpectedly")]
    public static partial void RunCrashed(ILogger logger, Exception exception, string connector, string trigger);

    [LoggerMessage(2011, LogLevel.Warning, "Scheduled run {RunId} of connector {Connector} failed: {Error}")]
    public static partial void ScheduledRunFailed(ILogger logger, string connector, string runId, string error);
}
