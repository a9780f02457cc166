using System.Data.Common;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>Turns provider exceptions into <see cref="ConnectorException"/>s that say what failed, never echoing the connection string.</summary>
internal static class DatabaseErrors
{
    public static async Task OpenAsync(DbConnection connection, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            var where = settings.SqliteFile is null ? $"the {settings.Dialect.Provider} database" : $"the sqlite database '{settings.SqliteFile}'";
            throw new ConnectorException(settings.ConnectorId, $"cannot open {where}: {ex.Message}", ex);
        }
    }

    public static ConnectorException Failed(DatabaseSettings settings, string action, DbException ex) =>
        new(settings.ConnectorId, $"{action} failed on the {settings.Dialect.Provider} database: {ex.Message}", ex);
}
