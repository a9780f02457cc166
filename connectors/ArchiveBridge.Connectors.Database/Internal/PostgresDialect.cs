using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ArchiveBridge.Connectors.Database.Internal;

internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Provider => DatabaseConnectorConstants.PostgreSql;

    public override string? CheckConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return "the connection string is not a valid PostgreSQL connection string";
        }
    }

    public override DbConnection CreateReadOnlyConnection(string connectionString)
    {
        // Every transaction of this session is read-only on the server; a separate pool keeps it from the write-back's.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c default_transaction_read_only=on"
            : builder.Options + " -c default_transaction_read_only=on";
        return new NpgsqlConnection(builder.ToString());
    }

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override async Task<(TableName Table, IReadOnlyList<string> Columns)?> GetColumnsAsync(DbConnection connection, TableName table, CancellationToken cancellationToken)
    {
        // Unquoted names fold to lower case in PostgreSQL: match case-insensitively, preferring the exact spelling.
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_schema, table_name, column_name
            FROM information_schema.columns
            WHERE lower(table_schema) = lower(COALESCE(@schema, current_schema())) AND lower(table_name) = lower(@table)
            ORDER BY (table_name = @table) DESC, table_schema, table_name, ordinal_position
            """;
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter("schema", NpgsqlDbType.Text) { Value = (object?)table.Schema ?? DBNull.Value });
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter("table", NpgsqlDbType.Text) { Value = table.Name });
        TableName? found = null;
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var current = new TableName(table.Schema is null ? null : reader.GetString(0), reader.GetString(1));
            found ??= current;
            if (current != found) break;
            columns.Add(reader.GetString(2));
        }
        return found is null ? null : (found, columns);
    }

    public override string NullSafeEquals(string left, string right) => $"{left} IS NOT DISTINCT FROM {right}";

    // Sent as 'unknown': the server types it from the column, like a literal (text, timestamp, integer, enum …).
    public override DbParameter CreateLooseParameter(DbCommand command, string name, string? value)
    {
        var parameter = new NpgsqlParameter(name, NpgsqlDbType.Unknown) { Value = (object?)value ?? DBNull.Value };
        command.Parameters.Add(parameter);
        return parameter;
    }
}
