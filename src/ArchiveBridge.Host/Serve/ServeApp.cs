using ArchiveBridge.Host.Admin;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Serve;

/// <summary>
/// The hosted worker (<c>archivebridge serve</c>): Kestrel on <c>server.urls</c>, Quartz schedules, signed webhooks
/// into a durable inbox, health and admin endpoints. Built here so tests start the same app on 127.0.0.1:0.
/// </summary>
public static class ServeApp
{
    /// <summary>Builds the app from a loaded config; <paramref name="configureServices"/> runs last (tests swap services there).</summary>
    public static WebApplication Build(LoadedConfig config, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ServeApp).Assembly.GetName().Name,
            ContentRootPath = Path.GetDirectoryName(config.Path),
        });
        builder.Configuration.AddConfiguration(config.Configuration);
        builder.WebHost.UseUrls(config.Options.Server.Urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning);
        builder.Services.AddArchiveBridgeServe(config);
        builder.Services.AddAdminApi();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthEndpoints();
        app.MapWebhooks();
        if (app.Services.GetRequiredService<IOptions<AdminApiOptions>>().Value.Enabled) app.MapAdminApi();
        else ServeLog.AdminDisabled(app.Logger);
        app.MapOpenApi();
        return app;
    }

    /// <summary>The addresses Kestrel listens on once started (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.ToList() ?? [];
    }
}
