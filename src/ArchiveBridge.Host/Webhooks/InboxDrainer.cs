using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// One pass over one connector's inbox, in arrival order. <c>document</c>: the due entries become one pipeline
/// run under the connector's mapping; <c>notify</c>: the connector runs once for all of them. Entries are marked
/// processed only after the run committed them, so a crash replays them, and dedup by identity makes the replay
/// harmless. A failed run costs an attempt with backoff; the last attempt quarantines (nothing is dropped).
/// </summary>
public sealed class InboxDrainer(
    WebhookInboxStore inbox,
    ConnectorRunCoordinator coordinator,
    IConnectorRuntimeFactory runtimes,
    IOptions<InboxOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<InboxDrainer> logger)
{
    public const string Trigger = "webhook";
    private readonly InboxOptions _options = options.Value;

    /// <summary>Raised after every pass that processed or failed entries (diagnostics and tests).</summary>
    public event Action<InboxPass>? Drained;

    public async Task<InboxPass> DrainAsync(WebhookConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var pending = await inbox.LoadPendingAsync(connector.Id, _options.DrainBatch, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0) return new InboxPass(connector.Id, 0, 0, null);
        var now = time.GetUtcNow();
        // In order: an entry waiting for its retry holds back the later ones (a later version must not land first).
        var due = pending.TakeWhile(e => e.IsDue(now)).ToList();
        if (due.Count == 0) return new InboxPass(connector.Id, 0, 0, pending[0].NextAttemptAt);

        InboxSourceConnector? source = null;
        var start = connector.Mode == WebhookMode.Document
            ? await coordinator.StartAsync(connector.Id, Trigger, d => runtimes.Create(d, source = new InboxSourceConnector(connector.Id, due)), cancellationToken).ConfigureAwait(false)
            : await coordinator.StartAsync(connector.Id, Trigger, cancellationToken).ConfigureAwait(false);
        if (start.Status == RunStartStatus.AlreadyRunning || Stopping)
            return new InboxPass(connector.Id, 0, 0, now + _options.BusyRetry);
        if (start.Status == RunStartStatus.Failed)
            return Raise(await FailAsync(connector, due, start.Message ?? "the run could not start", cancellationToken).ConfigureAwait(false));

        var summary = await start.Completion!.ConfigureAwait(false);
        if (summary.Status != RunStatus.Failed)
        {
            // Every entry read got an outcome in a committed batch (quarantined records included).
            await inbox.MarkProcessedAsync([.. due.Select(e => e.Seq)], CancellationToken.None).ConfigureAwait(false);
            ServeLog.InboxProcessed(logger, connector.Id, due.Count, summary.RunId, summary.Status);
            return Raise(new InboxPass(connector.Id, due.Count, 0, pending.Count > due.Count || due.Count == _options.DrainBatch ? now : null));
        }

        var committed = source?.Committed ?? [];
        await inbox.MarkProcessedAsync(committed, CancellationToken.None).ConfigureAwait(false);
        var rest = due.Where(e => !committed.Contains(e.Seq)).ToList();
        // Interrupted by shutdown: not the entries' fault; they stay pending for the next start.
        if (Stopping || rest.Count == 0) return Raise(new InboxPass(connector.Id, committed.Count, 0, now));
        var failed = await FailAsync(connector, rest, $"run {summary.RunId} failed: {summary.Error}", cancellationToken).ConfigureAwait(false);
        return Raise(failed with { Processed = committed.Count });
    }

    private bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;

    private async Task<InboxPass> FailAsync(WebhookConnector connector, List<InboxEntry> entries, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        foreach (var group in entries.GroupBy(e => e.Attempts + 1))
        {
            var attempt = group.Key;
            var seqs = group.Select(e => e.Seq).ToList();
            if (attempt >= _options.MaxAttempts)
            {
                await inbox.RecordFailureAsync(seqs, error, null, cancellationToken).ConfigureAwait(false);
                ServeLog.InboxQuarantined(logger, connector.Id, seqs.Count, attempt, error);
                next ??= now;
                continue;
            }
            var at = now + _options.Backoff(attempt);
            await inbox.RecordFailureAsync(seqs, error, at, cancellationToken).ConfigureAwait(false);
            ServeLog.InboxRetry(logger, connector.Id, seqs.Count, attempt, at, error);
            next = next is null || at < next ? at : next;
        }
        return new InboxPass(connector.Id, 0, entries.Count, next);
    }

    private InboxPass Raise(InboxPass pass)
    {
        Drained?.Invoke(pass);
        return pass;
    }
}
