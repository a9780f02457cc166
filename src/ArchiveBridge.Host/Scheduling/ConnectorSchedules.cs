using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using Quartz;

namespace ArchiveBridge.Host.Scheduling;

/// <summary>
/// The Quartz identity and trigger of each scheduled connector. A missed fire (the server was down, or the
/// previous run was still going) fires once as soon as possible, then the schedule resumes: a connector
/// catches up in one run, because one run reads everything since its checkpoint.
/// </summary>
public static class ConnectorSchedules
{
    public const string Group = "connectors";

    public static JobKey JobKey(string connectorId) => new(connectorId, Group);

    public static TriggerKey TriggerKey(string connectorId) => new(connectorId, Group);

    /// <summary>The connector's cron schedule in <paramref name="time"/>'s local zone; throws naming the field and value when invalid.</summary>
    public static CronScheduleBuilder CronSchedule(ConnectorDefinition definition, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(time);
        var field = $"connectors[{definition.Index}].schedule";
        if (string.IsNullOrWhiteSpace(definition.Schedule))
            throw new ConfigurationException($"connector '{definition.Id}' has no schedule", definition.ConfigFile, field);
        try
        {
            return CronScheduleBuilder.Create(definition.Schedule)
                .InTimeZone(time.LocalTimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException(
                $"'{definition.Schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0/15 * * * ?'): {ex.Message}",
                definition.ConfigFile, field, ex);
        }
    }

    /// <summary>The trigger as the scheduler gets it (also used to compute next fire times in tests).</summary>
    public static ITrigger BuildTrigger(ConnectorDefinition definition, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return TriggerBuilder.Create(time)
            .WithIdentity(TriggerKey(definition.Id))
            .ForJob(JobKey(definition.Id))
            .WithDescription($"{definition.Id}: {definition.Schedule}")
            .WithSchedule(CronSchedule(definition, time))
            .Build();
    }
}
