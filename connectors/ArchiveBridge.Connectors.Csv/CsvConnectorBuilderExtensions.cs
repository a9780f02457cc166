using ArchiveBridge.Core.DependencyInjection;

namespace ArchiveBridge.Connectors.Csv;

public static class CsvConnectorBuilderExtensions
{
    /// <summary>Lets <c>connectors[]</c> entries of type <c>csv</c> be created (registers <see cref="CsvConnectorFactory"/> once).</summary>
    public static IArchiveBridgeBuilder AddCsvConnector(this IArchiveBridgeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddConnectorFactory<CsvConnectorFactory>();
    }
}
