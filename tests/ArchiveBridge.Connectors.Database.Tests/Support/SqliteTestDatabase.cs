using System.Data.Common;
using System.Globalization;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Connectors.Database.Tests.Support;

/// <summary>A real SQLite file; the connector's connection string is relative, resolved against the temp folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly TempDirectory _directory = new();

    public override string Provider => Sqlite;
    public override string ConnectionString => "Data Source=erp/outbox.db";
    public override string BaseDirectory => _directory.Path;
    public string FilePath => _directory.Combine("erp", "outbox.db");

    protected override string BigIntType => "INTEGER";
    protected override string TimeType => "TEXT";
    protected override string BlobType => "BLOB";
    protected override string ArchivedAtType => "TEXT";

    public override DbConnection CreateConnection()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        return new SqliteConnection($"Data Source={FilePath};Pooling=False");
    }

    public override object Time(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
