using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage.Blobs;
using ArchiveBridge.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveBridge.Storage.Tests;

/// <summary>A real SQLite store and blob folder in a temp directory, with a runner over it.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public StoreFixture(int batchSize = 3, long initialLoadAfter = 50_000, int commitRecords = 50_000, long walRestartBytes = RunWriter.DefaultWalRestartBytes)
    {
        Options = new ArchiveBridgeOptions { Pipeline = { BatchSize = batchSize, CommitRecords = commitRecords } };
        Store = new ArchiveStore($"Data Source={_dir.Combine("archive.db")};Pooling=False", ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate), TimeProvider.System)
        {
            InitialLoadAfter = initialLoadAfter,
            WalRestartBytes = walRestartBytes,
        };
        Store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        Blobs = new FileBlobStore(_dir.Combine("blobs"));
        Runner = new SyncRunner(Store, Blobs, Options, TimeProvider.System, NullLogger<SyncRunner>.Instance);
    }

    public ArchiveBridgeOptions Options { get; }
    public ArchiveStore Store { get; }
    public FileBlobStore Blobs { get; }
    public SyncRunner Runner { get; }
    public string Directory => _dir.Path;

    public Task<RunSummary> SyncAsync(ISourceConnector connector, string mappingHash = "m1", bool full = false) =>
        Runner.RunAsync(Runtime(connector, mappingHash), new SyncRequest { Full = full }, null, CancellationToken.None);

    /// <summary>The connector as a run sees it: pass-through mapping, no settings, files under this fixture's folder.</summary>
    public ConnectorRuntime Runtime(ISourceConnector connector, string mappingHash = "m1") => new(new ConnectorDefinition
    {
        Id = connector.Id,
        Type = "test",
        Settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build().GetSection("settings"),
        BaseDirectory = _dir.Path,
    }, connector, new PassThroughMapper()) { MappingHash = mappingHash };

    /// <summary>The mapping stage for records written straight through a run writer.</summary>
    public RecordPreparer Preparer(string connectorId) => new(Runtime(new ListConnector(connectorId, [])), new ArchiveOptions(), TimeProvider.System);

    /// <summary>One value from the store, on a connection of its own.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
