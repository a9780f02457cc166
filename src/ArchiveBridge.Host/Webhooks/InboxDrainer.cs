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
/// run under the connector's mapping; <c>notify</c>: the connector runs once for all of them. Before the run, the
/// entries' receipt goes into the archive's audit chain (<see cref="WebhookReceiptAudit"/>). A failed run costs an
/// attempt with backoff; the last attempt quarantines (nothing is dropped).
/// </summary>
/// <remarks>
/// The inbox and the archive are two SQLite files, so "archived" and "marked processed" are two commits, in that
/// order: entries are marked only after the run's batches committed. A crash between the two leaves them pending,
/// and the next pass archives them again; that replay adds nothing, because the pipeline finds each document's
/// identity (the mapping's key, else the webhook id) already holding the same fingerprint and counts it
/// <c>unchanged</c>. Marking first would be the unsafe order: a crash would lose the document.
/// </remarks>
public sealed class InboxDrainer(
    WebhookInboxStore inbox,
    WebhookReceiptAudit receipts,
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
        await AuditReceiptsAsync(due, cancellationToken).ConfigureAwait(false);

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

    /// <summary>Claim in the inbox, then append to the chain: see <see cref="InboxAuditState"/> for why in that order.</summary>
    private async Task AuditReceiptsAsync(List<InboxEntry> due, CancellationToken cancellationToken)
    {
        if (due.TrueForAll(e => e.Audit == InboxAuditState.Written)) return;
        await inbox.ClaimAuditAsync([.. due.Where(e => e.Audit == InboxAuditState.NotWritten).Select(e => e.Seq)], cancellationToken).ConfigureAwait(false);
        // Entries loaded unclaimed are certainly not in the chain yet, so only the loaded state is passed on.
        await receipts.RecordAsync(due, cancellationToken).ConfigureAwait(false);
    }

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
