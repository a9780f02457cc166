using System.Collections.Concurrent;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Host.Serve;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>Runtimes with test sources and the <see cref="TestMapper"/>, in place of connector packages and mapping files.</summary>
internal sealed class TestRuntimeFactory(TestMapper mapper) : IConnectorRuntimeFactory
{
    private readonly ConcurrentDictionary<string, Func<ISourceConnector>> _sources = new();

    public int Created;

    /// <summary>The source the connector's next runs read (default: 2 documents, not gated).</summary>
    public void Use(string connectorId, Func<ISourceConnector> source) => _sources[connectorId] = source;

    public ConnectorRuntime Create(ConnectorDefinition definition)
    {
        Interlocked.Increment(ref Created);
        var source = _sources.TryGetValue(definition.Id, out var make) ? make() : new GatedSource(definition.Id, 2, gated: false);
        return new ConnectorRuntime(definition, source, mapper) { MappingHash = "test" };
    }

    public ConnectorRuntime Create(ConnectorDefinition definition, ISourceConnector source) =>
        new(definition, source, mapper) { MappingHash = "test" };
}
