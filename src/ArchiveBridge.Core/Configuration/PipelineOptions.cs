namespace ArchiveBridge.Core.Configuration;

/// <summary>Tuning of the run pipeline; the defaults suit a 2-core machine.</summary>
public sealed class PipelineOptions
{
    /// <summary>Records handed from the mapping stage to the writing stage at a time (and per checkpoint).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// Commit once this many records are written (or <see cref="CommitInterval"/> has passed): one commit
    /// for many batches, because every commit rewrites each index page the batches touched.
    /// </summary>
    public int CommitRecords { get; set; } = 50_000;

    /// <summary>Commit at least this often, so a crash loses little work and other writers wait little.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Batches buffered between the mapping stage and the writing stage (back pressure).</summary>
    public int ChannelCapacity { get; set; } = 4;

    /// <summary>Attachments larger than this are refused (attachment_too_large).</summary>
    public long MaxAttachmentBytes { get; set; } = 100L * 1024 * 1024;
}
