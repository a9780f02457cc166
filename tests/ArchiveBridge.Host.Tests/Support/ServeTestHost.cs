using System.Text;
using ArchiveBridge.Host.Admin;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.Storage.Inbox;
using ArchiveBridge.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>
/// The real <c>serve</c> app on Kestrel at 127.0.0.1:0, over a fresh SQLite store in a temp folder, with a fake
/// clock, test runtimes and an admin token. One per test.
/// </summary>
internal sealed class ServeTestHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token";
    public const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string HubSecret = "hub-secret";

    /// <summary>A webhook connector (document mode), a scheduled pulling connector, a notify one and one without webhooks.</summary>
    public const string DefaultConnectors = """
        { "id": "oa-push", "type": "webhook", "mapping": "m.json",
          "webhook": { "verify": "standard", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "mode": "document", "maxBodyBytes": 2048 } },
        { "id": "hr-db", "type": "test", "schedule": "0 0 3 1 1 ? 2099", "mapping": "m.json" },
        { "id": "oa-api", "type": "test", "mapping": "m.json",
          "webhook": { "verify": "hmac-sha256", "secret": "hub-secret", "mode": "notify" } }
        """;

    private ServeTestHost(TempDirectory temp, WebApplication app, FakeTimeProvider time, TestMapper mapper, TestRuntimeFactory runtimes)
    {
        Temp = temp;
        App = app;
        Time = time;
        Mapper = mapper;
        Runtimes = runtimes;
        Client = new HttpClient { BaseAddress = new Uri(ServeApp.Addresses(app)[0]) };
        Store = app.Services.GetRequiredService<Storage.ArchiveStore>();
    }

    public TempDirectory Temp { get; }
    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public TestMapper Mapper { get; }
    public TestRuntimeFactory Runtimes { get; }
    public HttpClient Client { get; }
    public Storage.ArchiveStore Store { get; }

    public static async Task<ServeTestHost> StartAsync(string connectors = DefaultConnectors, string? adminToken = AdminToken,
        string inbox = "{}", Action<IServiceCollection>? configure = null)
    {
        var temp = new TempDirectory();
        var configPath = temp.Combine("archivebridge.json");
        await File.WriteAllTextAsync(configPath, $$"""
            {
              "store": { "connectionString": "Data Source={{temp.Combine("archive.db")}}", "blobs": "blobs" },
              "archive": { "fonds": "Z001" },
              "connectors": [ {{connectors}} ],
              "server": { "urls": "http://127.0.0.1:0", "shutdownTimeout": "00:00:20", "inbox": {{inbox}} }
            }
            """);
        var config = ConfigLoader.Load(configPath);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
        var mapper = new TestMapper();
        var runtimes = new TestRuntimeFactory(mapper);
        var app = ServeApp.Build(config, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IConnectorRuntimeFactory>(runtimes);
            services.Configure<AdminApiOptions>(o => o.Token = adminToken);
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            // The fake clock does not move by itself: the processor drains as soon as it is woken.
            services.PostConfigure<InboxOptions>(o => o.DrainDelay = TimeSpan.Zero);
            configure?.Invoke(services);
        });
        await app.StartAsync();
        return new ServeTestHost(temp, app, time, mapper, runtimes);
    }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        return await CountAsync(connection, sql);
    }

    /// <summary>A count on the webhook inbox file (not the archive).</summary>
    public async Task<long> InboxCountAsync(string sql)
    {
        await using var connection = await Get<InboxDatabase>().OpenAsync(CancellationToken.None);
        return await CountAsync(connection, sql);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string?[]>> RowsAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        return await SqlRows.ReadAsync(connection, sql);
    }

    /// <summary>Rows of a query on the webhook inbox file (not the archive).</summary>
    public async Task<List<string?[]>> InboxRowsAsync(string sql)
    {
        await using var connection = await Get<InboxDatabase>().OpenAsync(CancellationToken.None);
        return await SqlRows.ReadAsync(connection, sql);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Store.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a statement on the webhook inbox file (not the archive).</summary>
    public async Task InboxExecuteAsync(string sql)
    {
        await using var connection = await Get<InboxDatabase>().OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Completes when the inbox processor has processed <paramref name="count"/> entries of the connector in total.</summary>
    public Task WhenProcessedAsync(string connectorId, int count) => WhenDrainedAsync(connectorId, p => p.Processed, count);

    /// <summary>Completes when the inbox processor has failed <paramref name="count"/> entries of the connector in total.</summary>
    public Task WhenFailedAsync(string connectorId, int count) => WhenDrainedAsync(connectorId, p => p.Failed, count);

    private Task WhenDrainedAsync(string connectorId, Func<InboxPass, int> measure, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = 0;
        Get<InboxDrainer>().Drained += pass =>
        {
            if (pass.ConnectorId == connectorId && Interlocked.Add(ref total, measure(pass)) >= count) done.TrySetResult();
        };
        return done.Task.WaitAsync(TestTimeouts.Hang);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Temp.Dispose();
    }
}
