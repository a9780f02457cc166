using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Host.Serve;

/// <summary>
/// Builds the runtimes <c>serve</c> runs: a connector with its own source (scheduled and API runs, notify
/// webhooks) or with another source under the connector's mapping (the webhook inbox in document mode).
/// Called once per run, so a fixed mapping file takes effect on the next run without a restart.
/// </summary>
public interface IConnectorRuntimeFactory
{
    /// <summary>The connector as configured; throws <see cref="Core.ConfigurationException"/> naming the setting at fault.</summary>
    ConnectorRuntime Create(ConnectorDefinition definition);

    /// <summary>The connector's mapping over <paramref name="source"/> instead of the connector's own source.</summary>
    ConnectorRuntime Create(ConnectorDefinition definition, ISourceConnector source);
}
