using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArchiveBridge.Connectors.Database.Tests.Support;

/// <summary>Builds connectors the way the host does (config section -> factory) and reads them the way the pipeline does.</summary>
public static class Harness
{
    public static readonly DateTime T0 = new(2024, 3, 1, 9, 0, 0);

    /// <summary>UTC+8 without depending on the machine's tz database.</summary>
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static FakeTimeProvider Clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 4, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(ChinaStandardTime);
        return clock;
    }

    public static Dictionary<string, string?> OutboxSettings(TestDatabase database, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["provider"] = database.Provider,
            ["connectionString"] = database.ConnectionString,
            ["table"] = "archive_outbox",
            ["key"] = "voucher_id",
            ["watermark"] = "updated_at",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return settings;
    }

    public static ConnectorDefinition Definition(string baseDirectory, IDictionary<string, string?> settings, int index = 0)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(kv => kv.Value is not null).ToDictionary(kv => "settings:" + kv.Key.Replace('.', ':'), kv => kv.Value))
            .Build();
        return new ConnectorDefinition
        {
            Id = "erp-db",
            Type = DatabaseConnectorConstants.Type,
            Settings = configuration.GetSection("settings"),
            BaseDirectory = baseDirectory,
            ConfigFile = Path.Combine(baseDirectory, "archivebridge.json"),
            Index = index,
        };
    }

    public static DatabaseConnector Create(TestDatabase database, IDictionary<string, string?> settings, TimeProvider? clock = null) =>
        Create(database.BaseDirectory, settings, clock);

    public static DatabaseConnector Create(string baseDirectory, IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var services = new ServiceCollection().AddSingleton(clock ?? Clock()).BuildServiceProvider();
        return (DatabaseConnector)new DatabaseConnectorFactory().Create(Definition(baseDirectory, settings), services);
    }

    /// <summary>One run as the pipeline does it: every record read, and the checkpoint it would store (the last record's position).</summary>
    public static async Task<Run> SyncAsync(ISourceConnector connector, string? checkpoint = null, bool full = false, int? limit = null)
    {
        var records = new List<SourceRecord>();
        var context = new ReadContext { RunId = Guid.NewGuid().ToString("N"), Checkpoint = checkpoint, Full = full, Limit = limit };
        await foreach (var record in connector.ReadAsync(context, CancellationToken.None)) records.Add(record);
        return new Run(records, records.Count > 0 ? records[^1].Position : checkpoint);
    }

    public static string? Field(this SourceRecord record, string name) => record.Fields.TryGetValue(name, out var value) ? value : null;
}

public sealed record Run(IReadOnlyList<SourceRecord> Records, string? Checkpoint)
{
    public IReadOnlyList<string?> Keys => Records.Select(r => r.SourceKey).ToList();
}
