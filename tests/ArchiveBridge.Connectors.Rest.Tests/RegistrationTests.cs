using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddRestConnector_CalledTwice_RegistersOneRestFactory()
    {
        var services = new ServiceCollection();
        services.AddArchiveBridge().AddRestConnector().AddRestConnector();
        using var provider = services.BuildServiceProvider();

        var factory = Assert.Single(provider.GetServices<ISourceConnectorFactory>());

        Assert.IsType<RestConnectorFactory>(factory);
        Assert.Equal("rest", factory.Type);
    }
}
