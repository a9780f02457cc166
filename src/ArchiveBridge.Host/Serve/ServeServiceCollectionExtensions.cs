using System.Text.Encodings.Web;
using ArchiveBridge.Host.Admin;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ArchiveBridge.Host.Serve;

public static class ServeServiceCollectionExtensions
{
    /// <summary>
    /// Everything <c>serve</c> runs. Hosted services start in this order and stop in reverse: the store is
    /// migrated first; on shutdown the server stops taking requests, the scheduler waits for its jobs, the
    /// coordinator waits for the runs to commit their batch, the inbox processor stops, and the inbox writer
    /// commits what is still queued.
    /// </summary>
    public static IServiceCollection AddArchiveBridgeServe(this IServiceCollection services, LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        var serve = ServeOptions.From(config);
        services.AddSingleton(serve);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = serve.ShutdownTimeout);

        services.AddArchiveBridgeHost(config);
        services.TryAddSingleton<IConnectorRuntimeFactory, CatalogConnectorRuntimeFactory>();
        services.AddHostedService<StoreInitializer>();
        services.AddWebhookInbox(config);
        services.AddConnectorSchedules(config);

        services.AddOptions<AdminApiOptions>().Configure(o => o.Token ??= Environment.GetEnvironmentVariable(AdminApiOptions.TokenVariable));
        services.AddServeHealthChecks();
        services.AddProblemDetails();
        services.AddOpenApi();
        // Chinese stays readable in every JSON answer (题名, not \u9898\u540D).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return services;
    }
}
