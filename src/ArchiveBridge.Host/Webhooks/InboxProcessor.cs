using ArchiveBridge.Host.Serve;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Drains every webhook connector's inbox: woken by the writer after each commit (then waiting
/// <see cref="InboxOptions.DrainDelay"/> for more to gather), and at least every poll interval (entries another
/// node received, retries that came due). One pass at a time, connectors in turn.
/// </summary>
public sealed class InboxProcessor(
    WebhookConnectors connectors,
    InboxDrainer drainer,
    InboxSignal signal,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connectors.All.Count == 0) return;
        await Task.Yield();
        var poll = options.Value.PollInterval;
        var gather = options.Value.DrainDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next = null;
            var started = time.GetTimestamp();
            var worked = false;
            // A notification left from before the pass is covered by it; one raised during the pass means the
            // intake is still busy (and there is more to drain).
            signal.Reset();
            foreach (var connector in connectors.All)
            {
                try
                {
                    var pass = await drainer.DrainAsync(connector, stoppingToken).ConfigureAwait(false);
                    if (pass.NextCheck is { } at && (next is null || at < next)) next = at;
                    worked |= pass.Processed + pass.Failed > 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The store may be briefly unavailable: the entries are safe; look again at the next poll.
                    ServeLog.InboxPassFailed(logger, ex, connector.Id);
                }
            }
            try
            {
                await YieldToIntakeAsync(worked, time.GetElapsedTime(started), stoppingToken).ConfigureAwait(false);
                var wait = next is null ? poll : TimeSpan.FromTicks(Math.Clamp((next.Value - time.GetUtcNow()).Ticks, 0, poll.Ticks));
                if (wait == TimeSpan.Zero) continue;
                if (await signal.WaitAsync(wait, time, stoppingToken).ConfigureAwait(false) && gather > TimeSpan.Zero)
                    await Task.Delay(gather, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// While webhooks keep arriving (the writer committed during the pass), rests so that draining takes at most
    /// <see cref="InboxOptions.DrainShare"/> of the time: archiving competes with the requests for the same cores,
    /// and a webhook's 202 is what the sender waits for. With the intake idle, the drain runs flat out.
    /// </summary>
    private Task YieldToIntakeAsync(bool worked, TimeSpan busy, CancellationToken cancellationToken)
    {
        if (!worked || !signal.IsNotified) return Task.CompletedTask;
        var rest = options.Value.RestAfter(busy);
        return rest > TimeSpan.Zero ? Task.Delay(rest, time, cancellationToken) : Task.CompletedTask;
    }
}
