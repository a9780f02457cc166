using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Admin;

/// <summary>Source-generated log messages of the admin and auditor API (event ids 2090-2099, the end of serve's range).</summary>
internal static partial class AdminLog
{
    [LoggerMessage(2090, LogLevel.Error, "API call {Subject} by {Actor} (status {Status}) could not be written to the audit log")]
    public static partial void ApiCallNotAudited(ILogger logger, Exception exception, string actor, string subject, int status);
}
