using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Core.Storage;

/// <summary>
/// What the pipeline needs from the archive store. The store decides each record's outcome inside the write
/// transaction, writes records, versions, quarantine entries, the audit entries and the checkpoint together,
/// so a crash between two commits leaves nothing half-made.
/// </summary>
public interface IArchiveStore
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<string?> LoadCheckpointAsync(string connectorId, CancellationToken cancellationToken);

    /// <summary>Opens a run row; throws <see cref="RunLeaseException"/> when another run of the connector holds the lease.</summary>
    Task<RunContext> StartRunAsync(string connectorId, string trigger, string? mappingHash, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="tokens"/>, those already archived for the connector by an EARLIER run under the same
    /// mapping (the cheap path: such records are unchanged without mapping or fetching attachments).
    /// </summary>
    Task<IReadOnlySet<string>> FindKnownChangeTokensAsync(RunContext run, IReadOnlyCollection<string> tokens, CancellationToken cancellationToken);

    /// <summary>Opens the run's writer: batches are decided and stored with their checkpoint, committed in groups.</summary>
    Task<IRunWriter> OpenWriterAsync(RunContext run, CommitDurability durability, CancellationToken cancellationToken);

    /// <summary>Opens the run's writer with every commit flushed to disk.</summary>
    Task<IRunWriter> OpenWriterAsync(RunContext run, CancellationToken cancellationToken) => OpenWriterAsync(run, CommitDurability.Flushed, cancellationToken);

    Task FinishRunAsync(RunContext run, RunCounts counts, string status, string? error, CancellationToken cancellationToken);
}
