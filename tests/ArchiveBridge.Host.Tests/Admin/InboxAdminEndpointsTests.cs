using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.Storage.Inbox;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class InboxAdminEndpointsTests
{
    private static HttpRequestMessage Admin(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServeTestHost.AdminToken);
        return request;
    }

    [Fact]
    public async Task Retry_QuarantinedEntryAfterTheSourceIsBack_IsProcessed()
    {
        await using var host = await ServeTestHost.StartAsync(inbox: """{ "maxAttempts": 1 }""");
        host.Runtimes.Use("oa-api", () => new FailingSource("oa-api"));
        var failed = host.WhenFailedAsync("oa-api", 1);
        await host.Client.SendAsync(SignedWebhook.Hub("oa-api", """{"docId":"OA-8"}""", "evt-8"));
        await failed;

        var listed = JsonSerializer.Deserialize<InboxEntryInfo[]>(
            await (await host.Client.SendAsync(Admin(HttpMethod.Get, "/api/inbox?status=quarantined"))).Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        var entry = Assert.Single(listed);
        Assert.Equal(("oa-api", "evt-8", 1), (entry.ConnectorId, entry.WebhookId, entry.Attempts));
        Assert.Contains("connection refused", entry.Error);

        host.Runtimes.Use("oa-api", () => new GatedSource("oa-api", 1, gated: false));
        var processed = host.WhenProcessedAsync("oa-api", 1);
        var retry = await host.Client.SendAsync(Admin(HttpMethod.Post, $"/api/inbox/{entry.Id}/retry"));
        await processed;

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(InboxStatus.Processed, (await host.InboxRowsAsync("SELECT status FROM webhook_inbox"))[0][0]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Admin(HttpMethod.Post, $"/api/inbox/{entry.Id}/retry"))).StatusCode);
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400()
    {
        await using var host = await ServeTestHost.StartAsync();

        var response = await host.Client.SendAsync(Admin(HttpMethod.Get, "/api/inbox?status=lost"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
