namespace ArchiveBridge.Storage.Entities;

/// <summary>
/// A webhook as received: committed durably before the 202, drained in order per connector. A repeated
/// webhook-id for the same connector is acknowledged without a second row.
/// </summary>
public sealed class WebhookInboxEntity
{
    public long Seq { get; set; }
    public required string Id { get; set; }
    public required string ConnectorId { get; set; }
    public required string WebhookId { get; set; }
    public required string ReceivedAt { get; set; }
    public required string Body { get; set; }

    /// <summary><c>pending</c>, <c>processed</c>, <c>quarantined</c>.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public string? NextAttemptAt { get; set; }
    public string? ProcessedAt { get; set; }
    public string? Error { get; set; }
}
