using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhook receiving (verifiers per connector, checked now), the durable inbox (its own file, <c>store.inbox</c>)
    /// with its group-commit writer, and the processor that drains it. Options come from <c>server:inbox</c>.
    /// </summary>
    public static IServiceCollection AddWebhookInbox(this IServiceCollection services, LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.AddSingleton(WebhookConnectors.Create(config));
        services.AddOptions<InboxOptions>().Bind(config.Configuration.GetSection(InboxOptions.Section))
            .Validate(o => o.QueueCapacity > 0 && o.MaxCommitBatch > 0 && o.DrainBatch > 0 && o.MaxAttempts > 0,
                "server:inbox: queueCapacity, maxCommitBatch, drainBatch and maxAttempts must be positive")
            .Validate(o => o.InitialBackoff > TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff && o.PollInterval > TimeSpan.Zero,
                "server:inbox: initialBackoff and pollInterval must be positive, maxBackoff at least initialBackoff")
            .Validate(o => o.DrainDelay >= TimeSpan.Zero && o.DrainDelay < o.PollInterval,
                "server:inbox: drainDelay must be zero or positive and shorter than pollInterval")
            .Validate(o => o.DrainShare is > 0 and <= 1, "server:inbox: drainShare must be above 0 and at most 1")
            .ValidateOnStart();
        var store = config.Options.Store;
        services.AddSingleton(new InboxDatabase(InboxDatabase.ResolvePath(store.Inbox, store.ConnectionString, config.Path)));
        services.AddHostedService<InboxInitializer>();
        services.AddSingleton<WebhookInboxStore>();
        services.AddSingleton<WebhookReceiptAudit>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxDrainer>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return services;
    }
}
