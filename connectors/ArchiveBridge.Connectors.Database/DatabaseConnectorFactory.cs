using ArchiveBridge.Connectors.Database.Internal;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Connectors.Database;

/// <summary>Creates <see cref="DatabaseConnector"/>s for config entries of <c>"type": "database"</c>.</summary>
public sealed class DatabaseConnectorFactory : ISourceConnectorFactory
{
    public string Type => DatabaseConnectorConstants.Type;

    public ISourceConnector Create(ConnectorDefinition definition, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        var options = Bind(definition);
        var problem = DatabaseConnectorOptionsValidator.Validate(options, definition).FirstOrDefault();
        if (problem is not null) throw problem;

        var maxAttachmentBytes = services.GetService<IOptions<ArchiveBridgeOptions>>()?.Value.Pipeline.MaxAttachmentBytes
            ?? DatabaseConnectorConstants.DefaultMaxAttachmentBytes;
        var settings = DatabaseSettings.Create(options, definition, maxAttachmentBytes);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<DatabaseConnector>() ?? (ILogger)NullLogger.Instance;
        return new DatabaseConnector(settings, services.GetService<TimeProvider>() ?? TimeProvider.System, logger);
    }

    public IEnumerable<ConfigurationException> Validate(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        DatabaseConnectorOptions options;
        try { options = Bind(definition); }
        catch (ConfigurationException ex) { return [ex]; }
        return DatabaseConnectorOptionsValidator.Validate(options, definition).ToList();
    }

    /// <summary>Binds <c>settings</c>; an unknown key (a typo such as <c>watermak</c>) or a bad TimeSpan is an error, not ignored.</summary>
    public static DatabaseConnectorOptions Bind(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            return definition.Settings.Get<DatabaseConnectorOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new DatabaseConnectorOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, definition.ConfigFile, $"connectors[{definition.Index}].settings", ex);
        }
    }
}
