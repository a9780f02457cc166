using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Blobs;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveBridge.Host.Tests.Reports;

/// <summary>A real SQLite archive and blob folder in a temp directory, filled by the real pipeline.</summary>
public sealed class TestArchive : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TestArchive()
    {
        Template = ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate);
        Store = new ArchiveStore($"Data Source={_dir.Combine("archive.db")};Pooling=False", Template, TimeProvider.System);
        Store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        Blobs = new FileBlobStore(_dir.Combine("blobs"));
        Runner = new SyncRunner(Store, Blobs, new ArchiveBridgeOptions { Pipeline = { BatchSize = 2 } }, TimeProvider.System, NullLogger<SyncRunner>.Instance);
    }

    public ArchivalCodeTemplate Template { get; }
    public ArchiveStore Store { get; }
    public FileBlobStore Blobs { get; }
    public SyncRunner Runner { get; }

    /// <summary>Writes a config file for the CLI verbs pointing at this archive; returns its path.</summary>
    public string WriteConfig()
    {
        var path = _dir.Combine("archivebridge.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new
        {
            store = new { provider = "sqlite", connectionString = $"Data Source={_dir.Combine("archive.db")};Pooling=False", blobs = Blobs.Root },
            archive = new { fonds = "Z001", archivalCode = Template.Template },
            connectors = Array.Empty<object>(),
        }));
        return path;
    }

    /// <summary>Runs one <c>archivebridge</c> command line against this archive; returns the exit code.</summary>
    public Task<int> CliAsync(params string[] args) =>
        ArchiveBridge.Host.Cli.ArchiveBridgeCli.Build().Parse([.. args, "--config", WriteConfig()]).InvokeAsync();

    public string PathOf(string name) => _dir.Combine(name);

    public Task<RunSummary> SyncAsync(ISourceConnector connector, bool full = false) =>
        Runner.RunAsync(new ConnectorRuntime(new ConnectorDefinition
        {
            Id = connector.Id,
            Type = "test",
            Settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build().GetSection("settings"),
            BaseDirectory = _dir.Path,
        }, connector, new PassThroughMapper()) { MappingHash = "m1" }, new SyncRequest { Full = full }, null, CancellationToken.None);

    /// <summary>Plain SQL, the way a tamperer with sqlite3 would change the store; fails when no row changed.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var c = new SqliteConnection(Store.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(await cmd.ExecuteNonQueryAsync() > 0, $"no row changed by: {sql}");
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = new SqliteConnection(Store.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
