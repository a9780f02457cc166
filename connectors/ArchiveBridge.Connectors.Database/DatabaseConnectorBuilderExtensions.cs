using ArchiveBridge.Core.DependencyInjection;

namespace ArchiveBridge.Connectors.Database;

public static class DatabaseConnectorBuilderExtensions
{
    /// <summary>
    /// Adds the <c>database</c> connector type (中间库 over ADO.NET: SQLite and PostgreSQL): config entries with
    /// <c>"type": "database"</c> are created by <see cref="DatabaseConnectorFactory"/>.
    /// </summary>
    public static IArchiveBridgeBuilder AddDatabaseConnector(this IArchiveBridgeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddConnectorFactory<DatabaseConnectorFactory>();
    }
}
