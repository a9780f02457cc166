using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Sources;

/// <summary>One document as the business system gave it, before mapping.</summary>
public sealed class SourceRecord
{
    public SourceRecord(SourceFields fields) => Fields = fields ?? throw new ArgumentNullException(nameof(fields));

    /// <summary>The source fields (CSV row, JSON document, database row).</summary>
    public SourceFields Fields { get; private set; }

    /// <summary>
    /// Lets go of the fields once the record is mapped and nothing downstream can need them (no problem to quarantine
    /// with its raw payload, no attachment still to fetch, no write-back to the source). Records wait in the
    /// pipeline between the mapping thread and the writer, and their raw rows were the larger part of what each
    /// garbage collection had to keep and copy.
    /// </summary>
    internal void DropFields() => Fields = DroppedSourceFields.Instance;

    /// <summary>The source's own key when it has one; the mapping's <c>key</c> wins when present.</summary>
    public string? SourceKey { get; init; }

    /// <summary>The checkpoint position this record completes (stored with the batch that holds it).</summary>
    public string? Position { get; init; }

    /// <summary>Where the record came from, for error messages: e.g. <c>hr/hr_export.csv</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Line (CSV) or row number in the source, 1-based, when meaningful.</summary>
    public long? LineNumber { get; init; }

    /// <summary>
    /// A cheap token that changes whenever the source record changes (etag, updatedAt, hash of the raw row).
    /// When it equals the token of the archived version, attachments are neither downloaded nor hashed.
    /// </summary>
    public string? ChangeToken { get; init; }

    /// <summary>A URL or other locator for the record in its source system (stored in the record's source block).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Attachments the connector knows about without mapping (e.g. a BLOB column); the mapping may add more.</summary>
    public IReadOnlyList<AttachmentReference> Attachments { get; init; } = [];

    /// <summary>Set when the connector could not read the record properly (e.g. a malformed CSV row).</summary>
    public RecordProblem? Problem { get; init; }

    /// <summary>The raw text of the record when the connector has it (the CSV line); kept in quarantine.</summary>
    public string? RawText { get; init; }
}
