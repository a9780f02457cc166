using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Connectors.Rest.Tests.Support;

/// <summary>Creates connectors the way the host does: through DI and the registered factory.</summary>
public static class TestConnectors
{
    public static RestConnector Create(ConnectorDefinition definition, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        services.AddArchiveBridge().AddRestConnector();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetServices<ISourceConnectorFactory>().Single(f => f.Type == "rest");
        return (RestConnector)factory.Create(definition, provider);
    }

    public static async Task<List<SourceRecord>> ReadAllAsync(this ISourceConnector connector, string? checkpoint = null, bool full = false, int? limit = null)
    {
        var records = new List<SourceRecord>();
        var context = new ReadContext { RunId = "test", Checkpoint = checkpoint, Full = full, Limit = limit };
        await foreach (var record in connector.ReadAsync(context, CancellationToken.None)) records.Add(record);
        return records;
    }

    public static string? Field(this SourceRecord record, string name) =>
        record.Fields.TryGetValue(name, out var value) ? value : null;
}
