using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// Creates <see cref="RestConnector"/>s for config entries of type <c>rest</c>. Uses the container's
/// <see cref="TimeProvider"/> (Polly's backoff and timeouts, OAuth2 token expiry) and <see cref="ILoggerFactory"/>.
/// </summary>
public sealed class RestConnectorFactory : ISourceConnectorFactory
{
    public string Type => RestConnectorConstants.Type;

    public ISourceConnector Create(ConnectorDefinition definition, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<ConfigurationException>();
        var options = RestSettingsBinder.Bind(definition, problems);
        if (problems.Count > 0) throw problems[0];

        var credentials = RestCredentials.Resolve(options.Auth, definition);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<RestConnector>() ?? (ILogger)NullLogger.Instance;
        return new RestConnector(definition.Id, options, new RestHttpClients(definition.Id, options, credentials, time, logger), logger);
    }

    public IEnumerable<ConfigurationException> Validate(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ConfigurationException>();
        var options = RestSettingsBinder.Bind(definition, problems);
        if (problems.Count == 0)
        {
            try
            {
                RestCredentials.Resolve(options.Auth, definition);
            }
            catch (ConfigurationException e)
            {
                problems.Add(e);
            }
        }
        return problems;
    }
}
