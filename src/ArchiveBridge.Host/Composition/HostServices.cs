using ArchiveBridge.Connectors.Csv;
using ArchiveBridge.Connectors.Database;
using ArchiveBridge.Connectors.Rest;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Composition;

/// <summary>The one place the product is composed: core, store, and every connector package.</summary>
public static class HostServices
{
    public static IServiceCollection AddArchiveBridgeHost(this IServiceCollection services, LoadedConfig config)
    {
        services.AddSingleton(config);
        services.AddSingleton(config.Options);
        AddConnectors(services).AddSqliteStore(config.Options.Store);
        services.AddSingleton<IArchivalCodeScheme>(_ => ArchivalCodeTemplate.Parse(config.Options.Archive.ArchivalCode));
        services.AddSingleton(sp => new IngestChecks(config.Options.Checks, (ArchivalCodeTemplate)sp.GetRequiredService<IArchivalCodeScheme>(),
            sp.GetRequiredService<IBlobStore>(), config.Options.ClamAv is { } clam ? new ClamAvClient(clam) : null));
        services.AddSingleton<ConnectorCatalog>();
        services.AddSingleton<SyncRunner>();
        return services;
    }

    /// <summary>Core plus every connector package (each plugs in with its own extension).</summary>
    public static IArchiveBridgeBuilder AddConnectors(IServiceCollection services)
    {
        var builder = services.AddArchiveBridge()
            .AddCsvConnector()
            .AddDatabaseConnector()
            .AddRestConnector();
        return builder;
    }

    /// <summary>A service provider for one CLI verb (quiet logging: the CLI prints its own results).</summary>
    public static ServiceProvider BuildForCli(LoadedConfig config, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning));
        services.AddArchiveBridgeHost(config);
        return services.BuildServiceProvider();
    }
}
