namespace ArchiveBridge.Storage.Inbox;

/// <summary>A verified webhook to append to the inbox.</summary>
/// <param name="ConnectorId">The connector the webhook was posted to.</param>
/// <param name="WebhookId">The sender's id of the message (the same across the sender's retries).</param>
/// <param name="Body">The body as received (UTF-8 JSON text).</param>
/// <param name="ReplayWindow">How long a repeated <paramref name="WebhookId"/> is answered with the first entry.</param>
public sealed record InboxAppend(string ConnectorId, string WebhookId, string Body, TimeSpan ReplayWindow);

/// <summary>The inbox entry a webhook landed in; <see cref="Duplicate"/> when it repeated one already held.</summary>
public sealed record InboxAppendResult(string Id, bool Duplicate);

/// <summary>A pending inbox entry as the processor reads it.</summary>
public sealed record InboxEntry(long Seq, string Id, string ConnectorId, string WebhookId, string Body, int Attempts, DateTimeOffset ReceivedAt)
{
    /// <summary>When a failed entry may be tried again; null when it has not failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>How far its <c>webhook.received</c> entry in the archive's audit chain got.</summary>
    public InboxAuditState Audit { get; init; }

    public bool IsDue(DateTimeOffset now) => NextAttemptAt is null || NextAttemptAt <= now;
}

/// <summary>An inbox entry as the admin API lists it (times as stored: UTC ISO 8601; the body is left out).</summary>
public sealed record InboxEntryInfo(string Id, string ConnectorId, string WebhookId, string Status, int Attempts, string ReceivedAt,
    string? NextAttemptAt, string? ProcessedAt, string? Error, long BodyBytes);

/// <summary>The states of an inbox entry (the <c>status</c> column).</summary>
public static class InboxStatus
{
    public const string Pending = "pending";
    public const string Processed = "processed";

    /// <summary>Failed every attempt: kept with its body and last error until an admin retries it.</summary>
    public const string Quarantined = "quarantined";
}

/// <summary>
/// Whether an entry's receipt is in the archive's audit chain. The chain lives in the other file, so the inbox
/// claims before writing it: a claimed entry may or may not be in the chain (a crash cut between), and is
/// looked up before it is written again; an unclaimed one is certainly not there.
/// </summary>
public enum InboxAuditState
{
    NotWritten = 0,
    Claimed = 1,
    Written = 2,
}
