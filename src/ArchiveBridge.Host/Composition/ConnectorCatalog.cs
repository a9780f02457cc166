using System.Security.Cryptography;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Host.Configuration;

namespace ArchiveBridge.Host.Composition;

/// <summary>Turns config entries into runnable connectors: the factory for the type plus the compiled mapping.</summary>
public sealed class ConnectorCatalog(LoadedConfig config, IEnumerable<ISourceConnectorFactory> factories, IServiceProvider services)
{
    private readonly Dictionary<string, ISourceConnectorFactory> _factories =
        factories.ToDictionary(f => f.Type, StringComparer.OrdinalIgnoreCase);

    public LoadedConfig Config => config;

    public IReadOnlyCollection<string> Types => _factories.Keys;

    public ISourceConnectorFactory Factory(ConnectorDefinition definition) =>
        _factories.TryGetValue(definition.Type, out var factory)
            ? factory
            : throw new ConfigurationException(
                $"unknown connector type '{definition.Type}' (known: {string.Join(", ", _factories.Keys.Order())})",
                definition.ConfigFile, $"connectors[{definition.Index}].type");

    public ConnectorRuntime Create(string connectorId) => Create(config.Connector(connectorId));

    public ConnectorRuntime Create(ConnectorDefinition definition)
    {
        var connector = Factory(definition).Create(definition, services);
        var mapping = LoadMapping(definition);
        return new ConnectorRuntime(definition, connector, mapping) { MappingHash = HashFile(definition.MappingPath!), ChecksEnabled = definition.ChecksEnabled };
    }

    public static IRecordMapper LoadMapping(ConnectorDefinition definition)
    {
        if (definition.MappingPath is null)
            throw new ConfigurationException($"connector '{definition.Id}' has no mapping", definition.ConfigFile, $"connectors[{definition.Index}].mapping");
        if (!File.Exists(definition.MappingPath))
            throw new ConfigurationException($"mapping file not found: {definition.MappingPath}", definition.ConfigFile, $"connectors[{definition.Index}].mapping");
        return MappingLoader.Load(definition.MappingPath);
    }

    private static string HashFile(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
