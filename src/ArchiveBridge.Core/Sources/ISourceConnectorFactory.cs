using ArchiveBridge.Core.Configuration;

namespace ArchiveBridge.Core.Sources;

/// <summary>
/// Creates connectors of one <see cref="Type"/> from their config entry. A connector package registers
/// its factory with one extension (<c>AddCsvConnector()</c>); Core never names a connector.
/// </summary>
public interface ISourceConnectorFactory
{
    /// <summary>The <c>type</c> value in config this factory serves (<c>csv</c>, <c>rest</c> …).</summary>
    string Type { get; }

    /// <summary>Creates the connector; throws <see cref="ConfigurationException"/> naming the setting at fault.</summary>
    ISourceConnector Create(ConnectorDefinition definition, IServiceProvider services);

    /// <summary>Checks the settings without connecting (for <c>check</c>): one message per problem.</summary>
    IEnumerable<ConfigurationException> Validate(ConnectorDefinition definition) => [];
}
