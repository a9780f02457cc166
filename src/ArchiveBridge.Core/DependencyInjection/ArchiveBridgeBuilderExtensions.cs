using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchiveBridge.Core.DependencyInjection;

public static class ArchiveBridgeBuilderExtensions
{
    /// <summary>Adds the core services (pipeline, TimeProvider); connectors and the store plug in on the builder.</summary>
    public static IArchiveBridgeBuilder AddArchiveBridge(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        return new ArchiveBridgeBuilder(services);
    }

    /// <summary>Registers a connector factory; used by each connector package's <c>AddXxxConnector()</c>.</summary>
    public static IArchiveBridgeBuilder AddConnectorFactory<TFactory>(this IArchiveBridgeBuilder builder)
        where TFactory : class, ISourceConnectorFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceConnectorFactory, TFactory>());
        return builder;
    }
}
