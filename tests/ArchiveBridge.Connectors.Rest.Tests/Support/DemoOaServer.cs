using DemoOa;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest.Tests.Support;

/// <summary>The demo OA on a free loopback port, one per test: tests change its data and inject its faults.</summary>
public sealed class DemoOaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoOaServer(WebApplication app)
    {
        _app = app;
        Url = app.Urls.Single().TrimEnd('/');
    }

    /// <summary><c>http://127.0.0.1:{port}</c></summary>
    public string Url { get; }

    public string ApiUrl => Url + "/api";

    public int Port => new Uri(Url).Port;

    public DemoDocumentStore Store => _app.Services.GetRequiredService<DemoDocumentStore>();
    public DemoFaults Faults => _app.Services.GetRequiredService<DemoFaults>();
    public DemoRequestJournal Journal => _app.Services.GetRequiredService<DemoRequestJournal>();
    public DemoTokenIssuer Tokens => _app.Services.GetRequiredService<DemoTokenIssuer>();

    /// <summary>The list requests the connector made, in order.</summary>
    public IReadOnlyList<DemoRequest> ListRequests => Journal.Requests.Where(r => r.Path == "/api/documents").ToList();

    public static async Task<DemoOaServer> StartAsync(Action<DemoOaOptions>? configure = null)
    {
        var options = new DemoOaOptions { Urls = "http://127.0.0.1:0", MinimumLogLevel = LogLevel.Warning };
        configure?.Invoke(options);
        var app = DemoOaApp.Build([], options);
        await app.StartAsync();
        return new DemoOaServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
