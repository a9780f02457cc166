using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Serve;

/// <summary>The app as a whole: health, the token switch, the OpenAPI document, and a graceful stop.</summary>
public sealed class ServeAppTests
{
    [Fact]
    public async Task Health_LiveAndReady_AnswerWithoutToken()
    {
        await using var host = await ServeTestHost.StartAsync();

        var live = await host.Client.GetAsync("/health/live");
        var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));
        var checks = JsonSerializer.Deserialize<JsonElement>(await ready.Content.ReadAsStringAsync()).GetProperty("checks");
        Assert.Equal("store reachable, schema up to date", checks.GetProperty("store").GetProperty("description").GetString());
        Assert.Equal("scheduler running", checks.GetProperty("scheduler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task AdminToken_Unset_AdminEndpointsAreNotMapped()
    {
        await using var host = await ServeTestHost.StartAsync(adminToken: null);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/connectors");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesWebhookAndAdminEndpoints()
    {
        await using var host = await ServeTestHost.StartAsync();

        var response = await host.Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/webhooks/{connectorId}", out var webhook));
        Assert.True(webhook.GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(paths.TryGetProperty("/api/connectors/{id}/sync", out _));
        Assert.True(paths.TryGetProperty("/api/runs/{id}", out _));
    }

    [Fact]
    public async Task Stop_WhileARunIsInFlight_TheRunCommitsWhatItReadAndCloses()
    {
        var host = await ServeTestHost.StartAsync();
        await using (host)
        {
            var source = new GatedSource("hr-db", 3, gated: true);
            host.Runtimes.Use("hr-db", () => source);
            var start = await host.Get<ConnectorRunCoordinator>().StartAsync("hr-db", "api", CancellationToken.None);
            await source.AtGate.Task.WaitAsync(TestTimeouts.Hang);

            // SIGTERM: the host stops; the run is told to stop, commits the records it read, and is closed.
            await host.App.StopAsync();

            var summary = await start.Completion!.WaitAsync(TestTimeouts.Hang);
            Assert.Equal((3L, 3L), (summary.Counts.Read, summary.Counts.Created));
            Assert.Equal(3, await host.CountAsync("SELECT COUNT(*) FROM records"));
            var run = Assert.Single(await host.RowsAsync("SELECT status, error, finished_at FROM runs"));
            Assert.Contains("interrupted", run[1]);
            Assert.NotNull(run[2]);
            Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM leases"));
        }
    }
}
