using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Connectors.Database.Internal;

internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Provider => DatabaseConnectorConstants.Sqlite;

    public override string? CheckConnectionString(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.DataSource) ? "the SQLite connection string has no Data Source" : null;
        }
        catch (ArgumentException) { return "the connection string is not a valid SQLite connection string"; }
    }

    public override DbConnection CreateReadOnlyConnection(string connectionString) =>
        new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());

    public override DbConnection CreateConnection(string connectionString) =>
        new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());

    public override async Task<(TableName Table, IReadOnlyList<string> Columns)?> GetColumnsAsync(DbConnection connection, TableName table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = table.Schema is null
            ? "SELECT name FROM pragma_table_info(@table) ORDER BY cid"
            : "SELECT name FROM pragma_table_info(@table, @schema) ORDER BY cid";
        AddParameter(command, "@table", table.Name);
        if (table.Schema is not null) AddParameter(command, "@schema", table.Schema);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) columns.Add(reader.GetString(0));
        // SQLite names are case-insensitive, so the configured spelling is as good as the stored one.
        return columns.Count == 0 ? null : (table, columns);
    }

    public override string NullSafeEquals(string left, string right) => $"{left} IS {right}";

    // Column affinity converts text to INTEGER/REAL where the column says so, as it would a literal.
    public override DbParameter CreateLooseParameter(DbCommand command, string name, string? value) => AddParameter(command, name, value);
}
