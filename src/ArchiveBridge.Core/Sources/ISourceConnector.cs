namespace ArchiveBridge.Core.Sources;

/// <summary>
/// The one contract a connector implements: read records from a business system, and open the
/// attachments those records name. Connectors never write to the archive; the pipeline does.
/// </summary>
public interface ISourceConnector
{
    /// <summary>The connector id from configuration (e.g. <c>hr-csv</c>).</summary>
    string Id { get; }

    /// <summary>
    /// Reads records from <paramref name="context"/>.<see cref="ReadContext.Checkpoint"/> on. Each record carries
    /// the checkpoint position it completes; the pipeline stores that position only with the batch holding it.
    /// A row the connector cannot parse is still yielded, with <see cref="SourceRecord.Problem"/> set, so it reaches quarantine.
    /// </summary>
    IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an attachment a mapped record refers to. Throws <see cref="Attachments.AttachmentException"/> with a
    /// quarantine reason (missing, outside root, too large, host not allowed).
    /// </summary>
    ValueTask<Stream> OpenAttachmentAsync(Attachments.AttachmentReference reference, CancellationToken cancellationToken);
}
