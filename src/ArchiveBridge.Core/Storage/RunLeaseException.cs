namespace ArchiveBridge.Core.Storage;

/// <summary>
/// The connector cannot run now: another run of it is in progress (in this process, another node, or a CLI sync),
/// or another connector's initial load has the archive's indexes down until it finishes.
/// </summary>
public sealed class RunLeaseException : ArchiveBridgeException
{
    public RunLeaseException(string connectorId, string holder, DateTimeOffset expiresAt)
        : this(connectorId, holder, $"connector '{connectorId}' is already running (held by {holder} until {expiresAt:O})")
    {
    }

    public RunLeaseException(string connectorId, string holder, string message) : base(message)
    {
        ConnectorId = connectorId;
        Holder = holder;
    }

    public string ConnectorId { get; }
    public string Holder { get; }
}
