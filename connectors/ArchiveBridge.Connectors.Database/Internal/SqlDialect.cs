using System.Data.Common;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>What differs between the providers: connections, schema lookup, null-safe equality, loosely typed parameters.</summary>
internal abstract class SqlDialect
{
    public abstract string Provider { get; }

    public static SqlDialect? For(string? provider) => provider?.ToLowerInvariant() switch
    {
        DatabaseConnectorConstants.Sqlite => SqliteDialect.Instance,
        DatabaseConnectorConstants.PostgreSql => PostgresDialect.Instance,
        _ => null,
    };

    /// <summary>Checks the connection string's syntax; returns why it is wrong (never echoing it: it may hold a password).</summary>
    public abstract string? CheckConnectionString(string connectionString);

    /// <summary>A connection that cannot write, whatever SQL it is given: the second lock behind <see cref="ReadOnlyQuery"/>.</summary>
    public abstract DbConnection CreateReadOnlyConnection(string connectionString);

    /// <summary>A connection for the write-back.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>The columns of <paramref name="table"/> as the database names them, or null when there is no such table or view.</summary>
    public abstract Task<(TableName Table, IReadOnlyList<string> Columns)?> GetColumnsAsync(DbConnection connection, TableName table, CancellationToken cancellationToken);

    /// <summary><paramref name="left"/> equals <paramref name="right"/>, where NULL equals NULL (never yields NULL itself).</summary>
    public abstract string NullSafeEquals(string left, string right);

    /// <summary>
    /// Binds text the database converts to the column's type the way it converts a literal (<c>'ARCHIVED'</c>,
    /// <c>'2024-03-01 10:00:00+08:00'</c>, <c>'17'</c>), so write-back templates work for any column type.
    /// </summary>
    public abstract DbParameter CreateLooseParameter(DbCommand command, string name, string? value);

    public static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
