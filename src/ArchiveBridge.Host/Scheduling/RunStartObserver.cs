using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Host.Scheduling;

/// <summary>
/// Passes every call to the store, and tells the coordinator the moment the run row is open (or the lease is
/// refused): <see cref="SyncRunner"/> only returns when the run ends, but an API caller wants the run id now.
/// </summary>
internal sealed class RunStartObserver(IArchiveStore inner, TaskCompletionSource<RunContext> started) : IArchiveStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<string?> LoadCheckpointAsync(string connectorId, CancellationToken cancellationToken) =>
        inner.LoadCheckpointAsync(connectorId, cancellationToken);

    public async Task<RunContext> StartRunAsync(string connectorId, string trigger, string? mappingHash, CancellationToken cancellationToken)
    {
        try
        {
            var run = await inner.StartRunAsync(connectorId, trigger, mappingHash, cancellationToken).ConfigureAwait(false);
            started.TrySetResult(run);
            return run;
        }
        catch (Exception ex)
        {
            started.TrySetException(ex);
            throw;
        }
    }

    public Task<IReadOnlySet<string>> FindKnownChangeTokensAsync(RunContext run, IReadOnlyCollection<string> tokens, CancellationToken cancellationToken) =>
        inner.FindKnownChangeTokensAsync(run, tokens, cancellationToken);

    public Task<IRunWriter> OpenWriterAsync(RunContext run, CommitDurability durability, CancellationToken cancellationToken) =>
        inner.OpenWriterAsync(run, durability, cancellationToken);

    public Task FinishRunAsync(RunContext run, RunCounts counts, string status, string? error, CancellationToken cancellationToken) =>
        inner.FinishRunAsync(run, counts, status, error, cancellationToken);
}
