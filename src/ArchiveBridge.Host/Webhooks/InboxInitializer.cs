using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Creates the inbox file's schema before the writer takes webhooks, and moves entries left in the archive's old
/// inbox table (an upgrade) into it. Registered after the store initializer: the archive is migrated by then.
/// </summary>
internal sealed class InboxInitializer(InboxDatabase inbox, ArchiveStore archive, ILogger<InboxInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await inbox.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var moved = await LegacyInboxImport.ImportAsync(archive, inbox, cancellationToken).ConfigureAwait(false);
        if (moved > 0) ServeLog.InboxImported(logger, moved, inbox.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
