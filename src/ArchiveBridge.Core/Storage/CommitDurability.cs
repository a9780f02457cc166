namespace ArchiveBridge.Core.Storage;

/// <summary>How far each commit of a run writer has reached when <see cref="IRunWriter.CommitAsync"/> returns.</summary>
public enum CommitDurability
{
    /// <summary>
    /// On disk: survives a power cut. Required when the source is told its records are archived after each commit
    /// (write-back, webhook inbox, quarantine replay): it may forget them once told.
    /// </summary>
    Flushed,

    /// <summary>
    /// Survives a crash of the process; a power cut may undo it until the next flushed write on any connection
    /// (the WAL checkpointer right behind the writer, the run's end). The run's checkpoint is undone with it, so
    /// the next run reads those records again: for a source that is read, not told, nothing is lost.
    /// </summary>
    Deferred,
}
