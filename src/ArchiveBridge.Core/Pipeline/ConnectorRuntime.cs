using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>A configured connector ready to run: its definition, the connector, and its compiled mapping.</summary>
public sealed record ConnectorRuntime(ConnectorDefinition Definition, ISourceConnector Connector, IRecordMapper Mapper)
{
    public string Id => Definition.Id;

    /// <summary>SHA-256 of the mapping file's bytes (runs record it; the cheap path depends on it).</summary>
    public string? MappingHash { get; init; }

    /// <summary>Run the 四性 ingest checks (on unless the connector's <c>checks.enabled</c> is false).</summary>
    public bool ChecksEnabled { get; init; } = true;
}
