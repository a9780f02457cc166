using System.Net.Http.Headers;
using System.Text.Json;
using ArchiveBridge.Host.Admin;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Tests.Admin;

/// <summary>The serve test host with both roles configured, and calls as either role.</summary>
internal static class ApiClient
{
    public const string AuditorToken = "test-auditor-token";

    public static Task<ServeTestHost> StartAsync(string? adminToken = ServeTestHost.AdminToken, string? auditorToken = AuditorToken) =>
        ServeTestHost.StartAsync(adminToken: adminToken, configure: s => s.Configure<AdminApiOptions>(o => o.AuditorToken = auditorToken));

    public static async Task<HttpResponseMessage> SendAsync(this ServeTestHost host, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> AuditorGetAsync(this ServeTestHost host, string path) => host.SendAsync(HttpMethod.Get, path, AuditorToken);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    /// <summary>Runs a connector to its end (2 documents by default) and returns the run id.</summary>
    public static async Task<string> RunAsync(this ServeTestHost host, string connectorId = "hr-db")
    {
        var start = await host.Get<ConnectorRunCoordinator>().StartAsync(connectorId, "api", CancellationToken.None);
        await start.Completion!.WaitAsync(TestTimeouts.Hang);
        return start.RunId!;
    }

    /// <summary>Completes when <paramref name="count"/> more API calls have been audited (written or not), with their outcomes.</summary>
    public static Task<IReadOnlyList<ApiCallAudit>> WhenAuditedAsync(this ServeTestHost host, int count)
    {
        var done = new TaskCompletionSource<IReadOnlyList<ApiCallAudit>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<ApiCallAudit>();
        host.Get<ApiCallAuditor>().Audited += audit =>
        {
            lock (seen)
            {
                seen.Add(audit);
                if (seen.Count == count) done.TrySetResult([.. seen]);
            }
        };
        return done.Task.WaitAsync(TestTimeouts.Hang);
    }
}
