using ArchiveBridge.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace ArchiveBridge.Host.Serve;

/// <summary>Creates or migrates the store before anything that uses it starts (registered first).</summary>
internal sealed class StoreInitializer(IArchiveStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
