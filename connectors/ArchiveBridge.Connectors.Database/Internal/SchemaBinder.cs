using System.Data.Common;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Checks every configured identifier against the database's actual schema (SQLite <c>pragma_table_info</c>,
/// PostgreSQL <c>information_schema.columns</c>) and returns the names as the database spells them.
/// </summary>
internal static class SchemaBinder
{
    public static async Task<BoundSource> BindAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = settings.Dialect.CreateReadOnlyConnection(settings.ConnectionString);
        await DatabaseErrors.OpenAsync(connection, settings, cancellationToken).ConfigureAwait(false);

        string fromSql, name;
        IReadOnlyList<string> columns;
        if (settings.Table is { } table)
        {
            var found = await settings.Dialect.GetColumnsAsync(connection, table, cancellationToken).ConfigureAwait(false)
                ?? throw settings.Error("table", $"table '{table}' does not exist in the {settings.Dialect.Provider} database (or has no columns this login can see)");
            (fromSql, name, columns) = (found.Table.Quoted, found.Table.ToString(), found.Columns);
        }
        else
        {
            fromSql = $"(\n{settings.Query}\n)";
            name = "query";
            columns = await ProbeQueryAsync(connection, settings, fromSql, cancellationToken).ConfigureAwait(false);
        }

        string Column(string setting, string wanted) => Match(columns, wanted)
            ?? throw settings.Error(setting, $"column '{wanted}' does not exist in {name}; its columns are: {string.Join(", ", columns)}");

        return new BoundSource
        {
            FromSql = fromSql,
            Name = name,
            Key = Column("key", settings.Key),
            Watermark = Column("watermark", settings.Watermark),
            Blob = settings.BlobColumn is null ? null : Column("blobColumn", settings.BlobColumn),
            BlobName = settings.BlobNameColumn is null ? null : Column("blobNameColumn", settings.BlobNameColumn),
            WriteBack = settings.HasWriteBack ? await BindWriteBackAsync(connection, settings, cancellationToken).ConfigureAwait(false) : null,
        };
    }

    private static async Task<BoundWriteBack> BindWriteBackAsync(DbConnection connection, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var table = settings.WriteBackTable!;
        var found = await settings.Dialect.GetColumnsAsync(connection, table, cancellationToken).ConfigureAwait(false)
            ?? throw settings.Error("writeBack.table", $"write-back table '{table}' does not exist in the {settings.Dialect.Provider} database");
        var columns = found.Columns;
        string Column(string setting, string wanted) => Match(columns, wanted)
            ?? throw settings.Error(setting, $"column '{wanted}' does not exist in write-back table {found.Table}; its columns are: {string.Join(", ", columns)}");

        return new BoundWriteBack
        {
            TableSql = found.Table.Quoted,
            Key = Column(settings.WriteBackKey == settings.Key ? "key" : "writeBack.key", settings.WriteBackKey!),
            Set = settings.WriteBackSet.Select(s => (Column($"writeBack.set.{s.Column}", s.Column), s.Template)).ToList(),
        };
    }

    private static async Task<IReadOnlyList<string>> ProbeQueryAsync(DbConnection connection, DatabaseSettings settings, string fromSql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {fromSql} AS src LIMIT 0";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        }
        catch (DbException ex)
        {
            throw settings.Error("query", $"the query failed on the {settings.Dialect.Provider} database: {ex.Message}");
        }
    }

    /// <summary>The exact spelling, else the one case-insensitive match (PostgreSQL folds unquoted names to lower case).</summary>
    public static string? Match(IReadOnlyList<string> columns, string wanted)
    {
        var exact = columns.FirstOrDefault(c => c == wanted);
        if (exact is not null) return exact;
        var loose = columns.Where(c => c.Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return loose.Count == 1 ? loose[0] : null;
    }
}
