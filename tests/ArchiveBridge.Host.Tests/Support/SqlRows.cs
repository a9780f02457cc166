using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>Runs a query and returns every row as invariant text (null for SQL NULL): what tests compare against.</summary>
internal static class SqlRows
{
    public static async Task<List<string?[]>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
