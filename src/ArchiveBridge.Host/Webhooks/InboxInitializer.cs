using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Hosting;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>Creates the inbox file's schema before the writer takes webhooks.</summary>
internal sealed class InboxInitializer(InboxDatabase inbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inbox.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
