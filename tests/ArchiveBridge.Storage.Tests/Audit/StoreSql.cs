using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Tests.Audit;

/// <summary>Plain SQL against a test store: how a tamperer (or an auditor with sqlite3) would touch it.</summary>
internal static class StoreSql
{
    /// <summary>Runs <paramref name="sql"/> and fails the test when it changed no row (a tampering that missed proves nothing).</summary>
    public static async Task ExecuteAsync(ArchiveStore store, string sql)
    {
        await using var c = new SqliteConnection(store.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(await cmd.ExecuteNonQueryAsync() > 0, $"no row changed by: {sql}");
    }

    public static async Task<T> ScalarAsync<T>(ArchiveStore store, string sql)
    {
        await using var c = new SqliteConnection(store.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
