using ArchiveBridge.Core;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace ArchiveBridge.Host.Tests.Scheduling;

public sealed class ConnectorSchedulesTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));

    private LoadedConfig Load(string connectors)
    {
        var path = _temp.Combine("archivebridge.json");
        File.WriteAllText(path, $$"""{ "connectors": [ {{connectors}} ] }""");
        return ConfigLoader.Load(path);
    }

    [Fact]
    public void BuildTrigger_Cron_FiresOnceNowAfterAMisfireAndFollowsTheSchedule()
    {
        var definition = Load("""{ "id": "hr-csv", "type": "csv", "schedule": "0 0/15 * * * ?" }""").Connector("hr-csv");

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(ConnectorSchedules.BuildTrigger(definition, _time));

        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
        Assert.Equal("0 0/15 * * * ?", trigger.CronExpressionString);
        Assert.Equal((ConnectorSchedules.JobKey("hr-csv"), ConnectorSchedules.TriggerKey("hr-csv")), (trigger.JobKey, trigger.Key));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 45, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(_time.GetUtcNow()));
    }

    [Fact]
    public void CronSchedule_InTheClocksTimeZone_FiresAtLocalTime()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST"));
        var definition = Load("""{ "id": "erp", "type": "database", "schedule": "0 0 2 * * ?" }""").Connector("erp");

        var trigger = ConnectorSchedules.BuildTrigger(definition, _time);

        // 02:00 in Beijing is 18:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(_time.GetUtcNow()));
    }

    [Fact]
    public void CronSchedule_NotCron_ThrowsNamingFieldAndValue()
    {
        var definition = Load("""{ "id": "a", "type": "csv" }, { "id": "hr-csv", "type": "csv", "schedule": "every 15 minutes" }""").Connector("hr-csv");

        var ex = Assert.Throws<ConfigurationException>(() => ConnectorSchedules.CronSchedule(definition, _time));

        Assert.Equal("connectors[1].schedule", ex.Field);
        Assert.Contains("'every 15 minutes' is not a Quartz cron expression", ex.Message);
    }

    [Fact]
    public void AddConnectorSchedules_BadCron_FailsAtRegistration()
    {
        var config = Load("""{ "id": "hr-csv", "type": "csv", "schedule": "0 0 25 * * ?" }""");

        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddConnectorSchedules(config));

        Assert.Equal("connectors[0].schedule", ex.Field);
    }

    [Fact]
    public void AddConnectorSchedules_ReceiveOnlyConnectorWithSchedule_Throws()
    {
        var config = Load("""{ "id": "oa-push", "type": "webhook", "schedule": "0 0 * * * ?" }""");

        var ex = Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddConnectorSchedules(config));

        Assert.Contains("only receives", ex.Message);
    }

    [Fact]
    public void ScheduledSyncJob_NeverRunsConcurrentlyWithItself()
    {
        Assert.True(Attribute.IsDefined(typeof(ScheduledSyncJob), typeof(DisallowConcurrentExecutionAttribute)));
    }

    public void Dispose() => _temp.Dispose();
}
