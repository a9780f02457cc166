namespace ArchiveBridge.Host.Webhooks;

/// <summary>The webhook inbox's tuning (<c>server:inbox</c> in config); the defaults suit one department's server.</summary>
public sealed class InboxOptions
{
    public const string Section = "server:inbox";

    /// <summary>Webhooks waiting for the writer; beyond it a request is answered 503 with Retry-After.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Most webhooks committed in one transaction (group commit).</summary>
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>
    /// Most entries of one connector taken into one pipeline run (document mode). Each run costs its own
    /// transactions (start, audit, finish, marks), so under load fewer, larger runs leave more CPU to the intake.
    /// </summary>
    public int DrainBatch { get; set; } = 500;

    /// <summary>
    /// How long the processor lets new webhooks gather after being woken, so a burst is archived in a few large
    /// runs instead of one small run per group commit (each taking CPU from the requests still arriving).
    /// Zero drains at once. A webhook is acknowledged on commit either way; this only delays its archiving.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The share of time (0-1] the processor may spend draining while webhooks keep arriving: after a pass that took
    /// t, it rests t·(1-share)/share. On a small server archiving and the intake share the cores, and a sender waits
    /// for its 202, not for the archiving; a burst is absorbed by the inbox and drained flat out once it ends.
    /// 1 never rests. A sustained intake faster than this share of the archiving rate grows the inbox.
    /// </summary>
    public double DrainShare { get; set; } = 0.25;

    /// <summary>Processing attempts before an entry is quarantined (kept, with its body and the last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the processor looks for entries it was not told about (other nodes, retries that came due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before trying again when the connector is running elsewhere (not counted as a failure).</summary>
    public TimeSpan BusyRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the <paramref name="attempt"/>-th failure (1-based).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The rest after a drain pass that took <paramref name="busy"/> while webhooks kept arriving (at most the poll interval).</summary>
    public TimeSpan RestAfter(TimeSpan busy)
    {
        if (DrainShare >= 1 || busy <= TimeSpan.Zero) return TimeSpan.Zero;
        return TimeSpan.FromTicks((long)Math.Min(busy.Ticks * (1 - DrainShare) / DrainShare, PollInterval.Ticks));
    }
}
