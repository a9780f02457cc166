using System.Net;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class ApiRolesTests
{
    private static readonly string[] AuditorReads =
        ["/api/connectors", "/api/runs", "/api/runs/{run}", "/api/runs/{run}/report.json", "/api/runs/{run}/report.csv", "/api/runs/{run}/report.html",
         "/api/reports?format=html", "/api/records/{record}", "/api/audit/verify", "/api/audit/head"];

    [Fact]
    public async Task Auditor_EveryReadEndpoint_Answers200()
    {
        await using var host = await ApiClient.StartAsync();
        var runId = await host.RunAsync();
        var recordId = (await host.RowsAsync("SELECT id FROM records LIMIT 1")).Single()[0]!;

        foreach (var path in AuditorReads)
        {
            var response = await host.AuditorGetAsync(path.Replace("{run}", runId, StringComparison.Ordinal).Replace("{record}", recordId, StringComparison.Ordinal));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("POST", "/api/connectors/hr-db/sync")]
    [InlineData("POST", "/api/inbox/01NOSUCHENTRY/retry")]
    [InlineData("GET", "/api/inbox")]
    public async Task Auditor_Action_Returns403ProblemAndStartsNothing(string method, string path)
    {
        await using var host = await ApiClient.StartAsync();

        var response = await host.SendAsync(new HttpMethod(method), path, ApiClient.AuditorToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ARCHIVEBRIDGE_ADMIN_TOKEN", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM runs"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("test-auditor-token-and-more")]
    public async Task Reads_WithoutAKnownToken_Return401(string? token)
    {
        await using var host = await ApiClient.StartAsync();

        var response = await host.SendAsync(HttpMethod.Get, "/api/audit/verify", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Admin_ReadsAndActs()
    {
        await using var host = await ApiClient.StartAsync();
        var runId = await host.RunAsync();

        var report = await host.SendAsync(HttpMethod.Get, $"/api/runs/{runId}/report.html", ServeTestHost.AdminToken);
        var verify = await host.SendAsync(HttpMethod.Get, "/api/audit/verify", ServeTestHost.AdminToken);
        var sync = await host.SendAsync(HttpMethod.Post, "/api/connectors/hr-db/sync", ServeTestHost.AdminToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted), (report.StatusCode, verify.StatusCode, sync.StatusCode));
    }

    [Fact]
    public async Task OnlyAuditorTokenSet_AdminTokenIsUnknown()
    {
        await using var host = await ApiClient.StartAsync(adminToken: null);

        var asAdmin = await host.SendAsync(HttpMethod.Post, "/api/connectors/hr-db/sync", ServeTestHost.AdminToken);
        var asAuditor = await host.AuditorGetAsync("/api/runs");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (asAdmin.StatusCode, asAuditor.StatusCode));
    }

    [Fact]
    public async Task OnlyAdminTokenSet_AuditorTokenIsUnknown()
    {
        await using var host = await ApiClient.StartAsync(auditorToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AuditorGetAsync("/api/runs")).StatusCode);
    }

    [Fact]
    public async Task NeitherTokenSet_ApiIsNotMapped()
    {
        await using var host = await ApiClient.StartAsync(adminToken: null, auditorToken: null);

        Assert.Equal(HttpStatusCode.NotFound, (await host.AuditorGetAsync("/api/audit/verify")).StatusCode);
    }
}
