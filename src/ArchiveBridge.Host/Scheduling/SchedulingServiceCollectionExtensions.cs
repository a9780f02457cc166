using ArchiveBridge.Core;
using ArchiveBridge.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ArchiveBridge.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The run coordinator, plus one Quartz job and cron trigger per connector with a <c>schedule</c>. Cron
    /// expressions are checked here, so a typo stops <c>serve</c> at startup with the field and value.
    /// </summary>
    public static IServiceCollection AddConnectorSchedules(this IServiceCollection services, LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        var scheduled = config.Connectors.Where(c => !string.IsNullOrWhiteSpace(c.Schedule)).ToList();
        foreach (var definition in scheduled)
        {
            if (string.Equals(definition.Type, "webhook", StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationException($"connector '{definition.Id}' is of type webhook: it only receives, so it cannot have a schedule",
                    definition.ConfigFile, $"connectors[{definition.Index}].schedule");
            ConnectorSchedules.CronSchedule(definition, TimeProvider.System);
        }

        services.AddSingleton<ConnectorRunCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorRunCoordinator>());
        services.AddQuartz(q =>
        {
            // Quartz keeps real time whatever TimeProvider the app runs on: tests drive the coordinator and
            // the trigger definitions, never the scheduler's clock.
            q.UseTimeProvider(TimeProvider.System);
            foreach (var definition in scheduled)
            {
                var id = definition.Id;
                q.AddJob<ScheduledSyncJob>(j => j.WithIdentity(ConnectorSchedules.JobKey(id))
                    .WithDescription($"sync connector {id}")
                    .UsingJobData(ScheduledSyncJob.ConnectorKey, id));
                q.AddTrigger((sp, t) => t.WithIdentity(ConnectorSchedules.TriggerKey(id))
                    .ForJob(ConnectorSchedules.JobKey(id))
                    .WithDescription($"{id}: {definition.Schedule}")
                    .WithSchedule(ConnectorSchedules.CronSchedule(definition, sp.GetRequiredService<TimeProvider>())));
            }
        });
        services.AddQuartzHostedService(o =>
        {
            // A job in flight is a run committing its batch: shutdown waits for it.
            o.WaitForJobsToComplete = true;
            // Start the scheduler with the other services, before the server listens: readiness then means
            // "scheduler running" as soon as requests are accepted, and every service a job needs has started.
            o.AwaitApplicationStarted = false;
        });
        return services;
    }
}
