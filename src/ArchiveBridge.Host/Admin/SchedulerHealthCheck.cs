using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ArchiveBridge.Host.Admin;

/// <summary>Ready when the Quartz scheduler is running (schedules would otherwise silently not fire).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler running")
            : HealthCheckResult.Unhealthy($"scheduler is {status}");
    }
}
