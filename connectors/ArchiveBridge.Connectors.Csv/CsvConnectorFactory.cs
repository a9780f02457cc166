using ArchiveBridge.Connectors.Csv.Internal;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Csv;

/// <summary>Creates <see cref="CsvConnector"/>s for the <c>connectors[]</c> entries of type <c>csv</c>.</summary>
public sealed class CsvConnectorFactory : ISourceConnectorFactory
{
    public string Type => CsvConnectorConstants.Type;

    /// <exception cref="ConfigurationException">The first bad setting, named as <c>connectors[i].settings.x</c> with its value.</exception>
    public ISourceConnector Create(ConnectorDefinition definition, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new List<ConfigurationException>();
        var options = CsvSettingsBinder.Bind(definition, errors);
        if (errors.Count > 0) throw errors[0];
        return new CsvConnector(definition.Id, options, services.GetService<ILoggerFactory>()?.CreateLogger<CsvConnector>());
    }

    public IEnumerable<ConfigurationException> Validate(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ConfigurationException>();
        CsvSettingsBinder.Bind(definition, errors);
        return errors;
    }
}
