using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core;
using ArchiveBridge.TestUtils;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

/// <summary>seedScript: a demo aid that creates the SQLite 中间库 on a fresh clone, and never touches an existing one.</summary>
public class SqliteSeederTests
{
    private static Dictionary<string, string?> Settings(string seedScript) => new()
    {
        ["provider"] = "sqlite", ["connectionString"] = "Data Source=data/erp-outbox.db", ["seedScript"] = seedScript,
        ["table"] = "archive_outbox", ["key"] = "voucher_id", ["watermark"] = "updated_at",
    };

    [Fact]
    public async Task ReadAsync_NoDatabaseFile_CreatesItFromTheSeedScript()
    {
        using var dir = new TempDirectory();
        File.Copy(Repository.File("samples", "erp", "seed.sql"), dir.Combine("seed.sql"));

        var run = await SyncAsync(Create(dir.Path, Settings("seed.sql")));

        Assert.True(File.Exists(dir.Combine("data", "erp-outbox.db")));
        Assert.Equal(60, run.Records.Count);
        Assert.Single(Directory.GetFiles(dir.Combine("data")));
    }

    [Fact]
    public async Task ReadAsync_DatabaseFileExists_IsNotSeededAgain()
    {
        using var dir = new TempDirectory();
        File.Copy(Repository.File("samples", "erp", "seed.sql"), dir.Combine("seed.sql"));
        await SyncAsync(Create(dir.Path, Settings("seed.sql")));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.Combine("data", "erp-outbox.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM archive_outbox WHERE voucher_id > 2";
            await command.ExecuteNonQueryAsync();
        }

        var run = await SyncAsync(Create(dir.Path, Settings("seed.sql")));

        Assert.Equal(["1", "2"], run.Keys.Order());
    }

    [Fact]
    public async Task ReadAsync_BrokenSeedScript_FailsNamingTheSettingAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("seed.sql"), "CREATE TABLE archive_outbox (voucher_id INTEGER,;");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => SyncAsync(Create(dir.Path, Settings("seed.sql"))));

        Assert.Equal("connectors[0].settings.seedScript", error.Field);
        Assert.Contains("seed.sql' failed", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Combine("data")));
    }
}
