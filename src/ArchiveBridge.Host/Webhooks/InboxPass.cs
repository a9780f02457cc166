namespace ArchiveBridge.Host.Webhooks;

/// <summary>What one drain of one connector's inbox did, and when to look again.</summary>
/// <param name="ConnectorId">The connector drained.</param>
/// <param name="Processed">Entries marked processed by this pass.</param>
/// <param name="Failed">Entries that failed this pass (waiting for a retry, or quarantined).</param>
/// <param name="NextCheck">When the connector's inbox needs a look again: now when more are due, null when it is empty.</param>
public sealed record InboxPass(string ConnectorId, int Processed, int Failed, DateTimeOffset? NextCheck);
