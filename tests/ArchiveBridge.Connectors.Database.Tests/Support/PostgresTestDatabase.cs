using System.Data.Common;
using ArchiveBridge.TestUtils;
using Npgsql;

namespace ArchiveBridge.Connectors.Database.Tests.Support;

/// <summary>
/// A schema of its own on the real PostgreSQL server (start it with eng/start-postgres.sh), first on the search
/// path, dropped afterwards: tests run in parallel without sharing a table.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=archivebridge;Password=archivebridge;Database=archivebridge_test";

    private readonly TempDirectory _directory = new();
    private readonly string _server;
    private readonly string _schema;

    private PostgresTestDatabase(string server, string schema)
    {
        _server = server;
        _schema = schema;
        // No pooling: every test has its own connection string, and idle pools would pile up connections on the server.
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ToString();
    }

    public static string Server => Environment.GetEnvironmentVariable("ARCHIVEBRIDGE_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var database = new PostgresTestDatabase(Server, "t_" + Guid.NewGuid().ToString("N")[..16]);
        await database.OnServerAsync($"CREATE SCHEMA {database._schema}");
        return database;
    }

    public override string Provider => PostgreSql;
    public override string ConnectionString { get; }
    public override string BaseDirectory => _directory.Path;
    public string Schema => _schema;

    protected override string BigIntType => "bigint";
    protected override string TimeType => "timestamp";
    protected override string BlobType => "bytea";
    protected override string ArchivedAtType => "timestamptz";

    public override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public override object Time(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await OnServerAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        _directory.Dispose();
    }
}
