using System.Data.Common;
using System.Globalization;

namespace ArchiveBridge.Connectors.Database.Tests.Support;

/// <summary>
/// A real database for one test: an SQLite file in a temp folder, or a fresh schema on the PostgreSQL server
/// (eng/start-postgres.sh). Helpers create an ERP-style archive_outbox and change its rows the way an ERP would.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public static async Task<TestDatabase> CreateAsync(string provider) => provider switch
    {
        Sqlite => new SqliteTestDatabase(),
        PostgreSql => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public abstract string Provider { get; }

    /// <summary>The connection string the connector's settings hold.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Folder relative settings paths resolve against.</summary>
    public abstract string BaseDirectory { get; }

    protected abstract string BigIntType { get; }
    protected abstract string TimeType { get; }
    protected abstract string BlobType { get; }
    protected abstract string ArchivedAtType { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>The watermark as stored: text <c>yyyy-MM-dd HH:mm:ss</c> in SQLite, a <c>timestamp</c> in PostgreSQL.</summary>
    public abstract object Time(DateTime value);

    public async Task CreateOutboxAsync(string table = "archive_outbox") =>
        await ExecuteAsync($"""
            CREATE TABLE {table} (
              voucher_id {BigIntType} PRIMARY KEY,
              voucher_no TEXT NOT NULL,
              summary TEXT,
              department TEXT,
              attachment_path TEXT,
              attachment {BlobType},
              attachment_name TEXT,
              updated_at {TimeType},
              archive_status TEXT NOT NULL DEFAULT 'PENDING',
              archived_at {ArchivedAtType},
              archival_code TEXT)
            """);

    public Task InsertAsync(long id, DateTime? updatedAt, string table = "archive_outbox", string? department = "财务部",
        byte[]? attachment = null, string? attachmentName = null, string? attachmentPath = null) =>
        ExecuteAsync($"""
            INSERT INTO {table} (voucher_id, voucher_no, summary, department, attachment_path, attachment, attachment_name, updated_at)
            VALUES (@id, @no, @summary, @department, @path, @blob, @blobName, @updated)
            """,
            ("@id", id), ("@no", $"记字第{id:00}号"), ("@summary", $"报销差旅费 {id}"), ("@department", department),
            ("@path", attachmentPath), ("@blob", attachment), ("@blobName", attachmentName), ("@updated", updatedAt is { } t ? Time(t) : null));

    /// <summary>An ERP edit: new summary, new updated_at.</summary>
    public Task UpdateAsync(long id, DateTime updatedAt, string table = "archive_outbox") =>
        ExecuteAsync($"UPDATE {table} SET summary = @summary, updated_at = @updated WHERE voucher_id = @id",
            ("@id", id), ("@summary", $"报销差旅费 {id}（更正）"), ("@updated", Time(updatedAt)));

    public async Task<(string Status, string? ArchivedAt, string? Code)> GetMarksAsync(long id, string table = "archive_outbox")
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT archive_status, archived_at, archival_code FROM {table} WHERE voucher_id = @id";
        AddParameter(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"row {id} not found");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) AddParameter(command, name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public abstract ValueTask DisposeAsync();
}
