using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorBuilderExtensionsTests
{
    [Fact]
    public void AddDatabaseConnector_RegistersTheDatabaseFactoryOnce()
    {
        var services = new ServiceCollection();

        services.AddArchiveBridge().AddDatabaseConnector().AddDatabaseConnector();
        using var provider = services.BuildServiceProvider();

        var factory = Assert.Single(provider.GetServices<ISourceConnectorFactory>());
        Assert.IsType<DatabaseConnectorFactory>(factory);
        Assert.Equal("database", factory.Type);
    }

    [Fact]
    public void AddDatabaseConnector_NullBuilder_Throws() =>
        Assert.Throws<ArgumentNullException>(() => DatabaseConnectorBuilderExtensions.AddDatabaseConnector(null!));
}
