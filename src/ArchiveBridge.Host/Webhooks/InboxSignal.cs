using System.Threading.Channels;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Wakes the inbox processor when the writer committed new entries. Coalescing: many commits while the
/// processor works leave one wake-up, which is all it needs (it drains everything pending).
/// </summary>
public sealed class InboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>True when notified since the last wait or reset (new entries committed), without consuming the notification.</summary>
    public bool IsNotified => _channel.Reader.TryPeek(out _);

    /// <summary>Forgets a pending notification (safe right before a pass, which looks at everything committed so far).</summary>
    public void Reset() => _channel.Reader.TryRead(out _);

    /// <summary>Returns true when notified, false when <paramref name="timeout"/> (on <paramref name="time"/>'s clock) passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (_channel.Reader.TryRead(out _)) return true;
        using var timer = new CancellationTokenSource(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
