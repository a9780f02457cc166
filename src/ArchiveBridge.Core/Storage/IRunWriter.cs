using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Core.Storage;

/// <summary>
/// A run's session with the store: batches are decided and written into one open transaction, and
/// <see cref="CommitAsync"/> makes them durable together with the checkpoint of the last batch. Committing
/// many batches at once is what keeps the write cost per record low (each commit rewrites every index page
/// the batches touched); disposing without a commit rolls back what was written since the last one.
/// </summary>
public interface IRunWriter : IAsyncDisposable
{
    /// <summary>
    /// Decides each record's outcome (DESIGN §6) and writes the batch and its checkpoint into the open
    /// transaction. The outcomes hold once the next <see cref="CommitAsync"/> returns. When it throws, the
    /// store rolled back everything written since the last commit, not only this batch.
    /// </summary>
    Task WriteAsync(IReadOnlyList<PreparedRecord> batch, string? checkpoint, CancellationToken cancellationToken);

    /// <summary>Records written since the last commit.</summary>
    int Uncommitted { get; }

    /// <summary>
    /// Fewer records than the configured pipeline.commitRecords that the store asks to commit next, or null. A store
    /// about to do maintenance between two commits (a write-ahead log restart) asks for a small one before it: what
    /// that maintenance waits for is the last commit's pages.
    /// </summary>
    int? CommitRecords => null;

    /// <summary>Commits what was written, and extends the run's lease in the same transaction.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
