namespace ArchiveBridge.Core.Storage;

/// <summary>Another run of the same connector is in progress (in this process, another node, or a CLI sync).</summary>
public sealed class RunLeaseException(string connectorId, string holder, DateTimeOffset expiresAt)
    : ArchiveBridgeException($"connector '{connectorId}' is already running (held by {holder} until {expiresAt:O})")
{
    public string ConnectorId { get; } = connectorId;
    public string Holder { get; } = holder;
}
