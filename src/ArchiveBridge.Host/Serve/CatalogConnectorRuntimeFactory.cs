using System.Security.Cryptography;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Host.Composition;

namespace ArchiveBridge.Host.Serve;

/// <summary>The product's runtimes: connector factories and mapping files, through <see cref="ConnectorCatalog"/>.</summary>
internal sealed class CatalogConnectorRuntimeFactory(ConnectorCatalog catalog) : IConnectorRuntimeFactory
{
    public ConnectorRuntime Create(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return catalog.Create(definition);
    }

    public ConnectorRuntime Create(ConnectorDefinition definition, ISourceConnector source)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        var mapper = ConnectorCatalog.LoadMapping(definition);
        // The same hash the catalog records for pulled runs: reports show which mapping archived a webhook.
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(definition.MappingPath!)));
        return new ConnectorRuntime(definition, source, mapper) { MappingHash = hash, ChecksEnabled = definition.ChecksEnabled };
    }
}
