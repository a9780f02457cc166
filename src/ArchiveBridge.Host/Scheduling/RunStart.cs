using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Host.Scheduling;

/// <summary>How a request to run a connector ended: started (with its run id), already running, or could not start.</summary>
public enum RunStartStatus
{
    Started,

    /// <summary>Another run holds the connector: in this process, another node, or a CLI <c>sync</c>. Not an error.</summary>
    AlreadyRunning,

    /// <summary>The run could not be built or opened (bad mapping, unknown type, store unavailable).</summary>
    Failed,
}

/// <summary>The answer of <see cref="ConnectorRunCoordinator.StartAsync(string, string, CancellationToken)"/>.</summary>
public sealed record RunStart(RunStartStatus Status, string ConnectorId)
{
    /// <summary>The run's id (the <c>runs</c> row), when started.</summary>
    public string? RunId { get; init; }

    /// <summary>Completes with the run's summary when it finishes; never faults. Null unless started.</summary>
    public Task<RunSummary>? Completion { get; init; }

    /// <summary>Who holds the connector (already running) or why it could not start (failed).</summary>
    public string? Message { get; init; }

    public static RunStart Running(string connectorId, string holder) => new(RunStartStatus.AlreadyRunning, connectorId) { Message = holder };

    public static RunStart Failed(string connectorId, string error) => new(RunStartStatus.Failed, connectorId) { Message = error };
}
