using ArchiveBridge.Core.DependencyInjection;

namespace ArchiveBridge.Connectors.Rest;

public static class RestConnectorBuilderExtensions
{
    /// <summary>
    /// Lets config entries of type <c>rest</c> become <see cref="RestConnector"/>s:
    /// <c>services.AddArchiveBridge().AddRestConnector()</c>. Each connector builds its own HTTP stack from its settings.
    /// </summary>
    public static IArchiveBridgeBuilder AddRestConnector(this IArchiveBridgeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddConnectorFactory<RestConnectorFactory>();
    }
}
