using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class AdminEndpointsTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServeTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = ServeTestHost.AdminToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("test-admin-token-and-more")]
    public async Task Api_WithoutTheToken_Returns401Problem(string? token)
    {
        var response = await SendAsync(HttpMethod.Get, "/api/connectors", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Connectors_WithToken_ListsScheduleNextFireWebhookAndLastRun()
    {
        var run = await _host.Get<ConnectorRunCoordinator>().StartAsync("hr-db", "api", CancellationToken.None);
        await run.Completion!.WaitAsync(TestTimeouts.Hang);

        var response = await SendAsync(HttpMethod.Get, "/api/connectors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await JsonAsync(response)).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(["oa-push", "hr-db", "oa-api"], list.Keys);
        var hr = list["hr-db"];
        Assert.Equal("0 0 3 1 1 ? 2099", hr.GetProperty("schedule").GetString());
        Assert.Equal(new DateTimeOffset(2099, 1, 1, 3, 0, 0, TimeSpan.Zero), hr.GetProperty("nextFireTime").GetDateTimeOffset());
        Assert.Equal(run.RunId, hr.GetProperty("lastRun").GetProperty("runId").GetString());
        Assert.Equal(2, hr.GetProperty("lastRun").GetProperty("created").GetInt64());
        var push = list["oa-push"];
        Assert.Equal(JsonValueKind.Null, push.GetProperty("nextFireTime").ValueKind);
        Assert.Equal("/webhooks/oa-push", push.GetProperty("webhook").GetProperty("path").GetString());
        Assert.Equal("notify", list["oa-api"].GetProperty("webhook").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Sync_StartsTheRunInTheBackground_AndASecondConcurrentOneGets409()
    {
        var source = new GatedSource("hr-db", 3, gated: true);
        _host.Runtimes.Use("hr-db", () => source);

        var first = await SendAsync(HttpMethod.Post, "/api/connectors/hr-db/sync");
        var second = await SendAsync(HttpMethod.Post, "/api/connectors/hr-db/sync");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var runId = (await JsonAsync(first)).GetProperty("runId").GetString();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(runId!, (await JsonAsync(second)).GetProperty("detail").GetString());
        Assert.Equal("running", (await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/runs/{runId}"))).GetProperty("status").GetString());

        source.Gate.SetResult();
        await _host.Get<ConnectorRunCoordinator>().WhenIdleAsync("hr-db").WaitAsync(TestTimeouts.Hang);

        var done = await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/runs/{runId}"));
        Assert.Equal(("succeeded", 3L, true), (done.GetProperty("status").GetString(), done.GetProperty("created").GetInt64(), done.GetProperty("reconciles").GetBoolean()));
    }

    [Fact]
    public async Task Sync_UnknownConnector_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/api/connectors/nope/sync")).StatusCode);
    }

    [Fact]
    public async Task Sync_ReceiveOnlyConnector_Returns400()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/connectors/oa-push/sync");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing to pull", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Runs_FilterByConnectorAndLimit_NewestFirst()
    {
        var coordinator = _host.Get<ConnectorRunCoordinator>();
        foreach (var id in new[] { "hr-db", "oa-api", "hr-db" })
        {
            var start = await coordinator.StartAsync(id, "api", CancellationToken.None);
            await start.Completion!.WaitAsync(TestTimeouts.Hang);
            _host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var hr = await JsonAsync(await SendAsync(HttpMethod.Get, "/api/runs?connector=hr-db"));
        var one = await JsonAsync(await SendAsync(HttpMethod.Get, "/api/runs?limit=1"));

        Assert.Equal(2, hr.GetArrayLength());
        Assert.All(hr.EnumerateArray(), r => Assert.Equal("hr-db", r.GetProperty("connector").GetString()));
        Assert.Equal("hr-db", one.EnumerateArray().Single().GetProperty("connector").GetString());
        Assert.True(string.CompareOrdinal(hr[0].GetProperty("startedAt").GetString(), hr[1].GetProperty("startedAt").GetString()) > 0);
    }

    [Fact]
    public async Task Runs_LimitOutOfRange_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/runs?limit=0")).StatusCode);
    }

    [Fact]
    public async Task Run_Unknown_Returns404Problem()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/runs/01NOSUCHRUN");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
