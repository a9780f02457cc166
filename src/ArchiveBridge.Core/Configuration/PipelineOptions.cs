namespace ArchiveBridge.Core.Configuration;

/// <summary>Tuning of the run pipeline; the defaults suit a 2-core machine.</summary>
public sealed class PipelineOptions
{
    /// <summary>Records per store transaction (and per checkpoint).</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Batches buffered between the mapping stage and the writing stage (back pressure).</summary>
    public int ChannelCapacity { get; set; } = 4;

    /// <summary>Attachments larger than this are refused (attachment_too_large).</summary>
    public long MaxAttachmentBytes { get; set; } = 100L * 1024 * 1024;
}
