using System.Net;
using ArchiveBridge.Core;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Tests.Scheduling;

/// <summary>One connector never runs twice at once: scheduled fires, API calls and other processes' leases collide safely.</summary>
public sealed class ConnectorRunCoordinatorTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServeTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ConnectorRunCoordinator Coordinator => _host.Get<ConnectorRunCoordinator>();

    private ScheduledSyncJob Job => ActivatorUtilities.CreateInstance<ScheduledSyncJob>(_host.App.Services);

    private Task<HttpResponseMessage> ApiSync(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{id}/sync");
        request.Headers.Authorization = new("Bearer", ServeTestHost.AdminToken);
        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task ScheduledFireApiCallAndForeignLease_NeverOverlap()
    {
        // 1. Another process (a CLI sync, another node) holds the connector's lease.
        await _host.ExecuteAsync("INSERT INTO leases (name, holder, expires_at) VALUES ('connector:hr-db', 'run 01OTHER (pid 4242)', '2099-01-01T00:00:00.000Z')");
        Assert.Null(await Job.RunAsync("hr-db", CancellationToken.None));
        var refused = await ApiSync("hr-db");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("pid 4242", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _host.CountAsync("SELECT COUNT(*) FROM runs"));

        // 2. The lease is gone; an API run starts and is held in flight; a scheduled fire and a second call meet it.
        await _host.ExecuteAsync("DELETE FROM leases");
        var source = new GatedSource("hr-db", 3, gated: true);
        _host.Runtimes.Use("hr-db", () => source);
        Assert.Equal(HttpStatusCode.Accepted, (await ApiSync("hr-db")).StatusCode);
        await source.AtGate.Task.WaitAsync(TestTimeouts.Hang);
        Assert.Null(await Job.RunAsync("hr-db", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Conflict, (await ApiSync("hr-db")).StatusCode);
        Assert.Equal(1, await _host.CountAsync("SELECT COUNT(*) FROM runs"));

        // 3. The run finishes; the next scheduled fire runs after it.
        source.Gate.SetResult();
        await Coordinator.WhenIdleAsync("hr-db").WaitAsync(TestTimeouts.Hang);
        _host.Runtimes.Use("hr-db", () => new GatedSource("hr-db", 3, gated: false));
        _host.Time.Advance(TimeSpan.FromMinutes(15));
        var scheduled = await Job.RunAsync("hr-db", CancellationToken.None);

        Assert.Equal("succeeded", scheduled?.Status);
        var runs = await _host.RowsAsync("SELECT trigger, status, started_at, finished_at FROM runs ORDER BY started_at, rowid");
        Assert.Equal(["api", "schedule"], runs.Select(r => r[0]));
        Assert.True(string.CompareOrdinal(runs[1][2], runs[0][3]) >= 0, "the scheduled run started after the API run finished");
    }

    [Fact]
    public async Task StartAsync_Started_ReturnsRunIdOfTheOpenRunRow()
    {
        var start = await Coordinator.StartAsync("hr-db", "api", CancellationToken.None);

        Assert.Equal(RunStartStatus.Started, start.Status);
        var summary = await start.Completion!.WaitAsync(TestTimeouts.Hang);
        Assert.Equal((start.RunId, "succeeded", 2L), (summary.RunId, summary.Status, summary.Counts.Created));
        Assert.Equal(1, await _host.CountAsync($"SELECT COUNT(*) FROM runs WHERE id = '{start.RunId}'"));
    }

    [Fact]
    public async Task StartAsync_RuntimeCannotBeBuilt_ReportsFailedWithTheReasonAndFreesTheConnector()
    {
        _host.Runtimes.Use("hr-db", () => throw new ConfigurationException("mapping file not found: /srv/m.json", "archivebridge.json", "connectors[1].mapping"));

        var start = await Coordinator.StartAsync("hr-db", "api", CancellationToken.None);

        Assert.Equal(RunStartStatus.Failed, start.Status);
        Assert.Contains("mapping file not found", start.Message);
        Assert.False(Coordinator.IsRunning("hr-db"));
    }
}
