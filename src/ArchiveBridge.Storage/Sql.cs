using System.Data.Common;

namespace ArchiveBridge.Storage;

/// <summary>Small helpers for the hand-written SQL of the hot path (values are always bound).</summary>
internal static class Sql
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = text;
        return c;
    }

    /// <summary>
    /// The size the write-ahead log is cut back to when a writer starts it over. SQLite otherwise leaves the file as
    /// large as it ever grew: after a million-record initial load, 1.6 GB on disk beside the database for as long
    /// as the worker runs.
    /// </summary>
    internal const long WalSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Opens a pooled connection that waits for another writer's lock inside SQLite (<c>busy_timeout</c>), which
    /// retries in steps of 1 ms growing to 100 ms, instead of in Microsoft.Data.Sqlite's fixed 150 ms sleeps, and
    /// keeps the write-ahead log's file to <see cref="WalSizeLimitBytes"/> once it starts over.
    /// </summary>
    public static async Task<Microsoft.Data.Sqlite.SqliteConnection> OpenAsync(string connectionString, TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var busy = Command(connection, null,
                $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA journal_size_limit = {WalSizeLimitBytes}");
            await busy.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
