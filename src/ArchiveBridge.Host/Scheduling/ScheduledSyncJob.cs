using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Host.Serve;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ArchiveBridge.Host.Scheduling;

/// <summary>
/// The Quartz job of one scheduled connector. Thin on purpose: the coordinator owns the run, so a scheduled
/// fire, an API call and a webhook can never run the same connector twice at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledSyncJob(ConnectorRunCoordinator coordinator, ILogger<ScheduledSyncJob> logger) : IJob
{
    /// <summary>The job data key holding the connector id.</summary>
    public const string ConnectorKey = "connector";

    public const string Trigger = "schedule";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connectorId = context.MergedJobDataMap.GetString(ConnectorKey)
            ?? throw new JobExecutionException($"job {context.JobDetail.Key} has no '{ConnectorKey}' in its job data");
        await RunAsync(connectorId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the connector once and waits for it; null when it was already running or could not start (both logged).</summary>
    public async Task<RunSummary?> RunAsync(string connectorId, CancellationToken cancellationToken)
    {
        var start = await coordinator.StartAsync(connectorId, Trigger, cancellationToken).ConfigureAwait(false);
        if (start.Completion is null) return null;
        var summary = await start.Completion.ConfigureAwait(false);
        if (summary.Status == RunStatus.Failed) ServeLog.ScheduledRunFailed(logger, connectorId, summary.RunId, summary.Error ?? "");
        return summary;
    }
}
