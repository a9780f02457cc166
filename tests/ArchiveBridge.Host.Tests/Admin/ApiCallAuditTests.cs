using System.Net;
using System.Text.Json;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class ApiCallAuditTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiClient.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AuditorCall_LeavesAnApiCallEntry_WithRoleSubjectStatusAndQuery()
    {
        var audited = _host.WhenAuditedAsync(1);

        await _host.AuditorGetAsync("/api/runs?connector=hr-db&limit=5");

        Assert.True((await audited).Single().Written);
        var row = (await _host.RowsAsync("SELECT actor, subject, details FROM audit_log WHERE action = 'api.call'")).Single();
        Assert.Equal(("auditor", "GET /api/runs"), (row[0], row[1]));
        var details = JsonSerializer.Deserialize<JsonElement>(row[2]!);
        Assert.Equal((200, "?connector=hr-db&limit=5"), (details.GetProperty("status").GetInt32(), details.GetProperty("query").GetString()));
    }

    [Fact]
    public async Task RefusedAndFailedCalls_AreAuditedWithTheirStatus()
    {
        var audited = _host.WhenAuditedAsync(3);

        await _host.SendAsync(HttpMethod.Post, "/api/connectors/hr-db/sync", ApiClient.AuditorToken);
        await _host.SendAsync(HttpMethod.Get, "/api/runs/01NOSUCHRUN", ServeTestHost.AdminToken);
        await _host.SendAsync(HttpMethod.Get, "/api/runs", token: null);
        await _host.SendAsync(HttpMethod.Get, "/api/runs", ServeTestHost.AdminToken);

        // Audits complete after their responses, in any order.
        var calls = (await audited).Select(c => (c.Actor, c.Subject, c.Status)).OrderBy(c => c.Subject, StringComparer.Ordinal);
        Assert.Equal([("admin", "GET /api/runs", 200), ("admin", "GET /api/runs/01NOSUCHRUN", 404), ("auditor", "POST /api/connectors/hr-db/sync", 403)], calls);
        // The call without a token is not one "made with a token": refused with 401 and not in the log.
        Assert.Equal(3, await _host.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'api.call'"));
    }

    [Fact]
    public async Task ApiCallEntries_KeepTheChainIntact()
    {
        await _host.RunAsync();
        var audited = _host.WhenAuditedAsync(2);
        await _host.AuditorGetAsync("/api/audit/head");
        await _host.AuditorGetAsync("/api/connectors");
        await audited;

        var json = await (await _host.AuditorGetAsync("/api/audit/verify")).JsonAsync();

        Assert.True(json.GetProperty("intact").GetBoolean(), json.ToString());
        Assert.Equal("auditor", (await _host.RowsAsync("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1")).Single()[0]);
    }
}
