using ArchiveBridge.Connectors.Csv.Internal;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveBridge.Connectors.Csv;

/// <summary>
/// Reads a CSV export (UTF-8, UTF-8 with BOM or GB18030) row by row as source records, resuming from a byte
/// checkpoint, and opens the attachment files its rows name under the attachment root.
/// </summary>
public sealed class CsvConnector : ISourceConnector
{
    private readonly CsvFileReader _reader;
    private readonly AttachmentResolver _attachments;

    /// <exception cref="ArgumentException">The options are not valid (see <see cref="CsvConnectorOptionsValidator"/>).</exception>
    public CsvConnector(string id, CsvConnectorOptions options, ILogger<CsvConnector>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var problems = CsvConnectorOptionsValidator.Check(options).Select(p => $"settings.{p.Setting}: {p.Message}").ToList();
        if (problems.Count > 0) throw new ArgumentException($"connector '{id}': {string.Join("; ", problems)}", nameof(options));

        Id = id;
        Options = options;
        _reader = new CsvFileReader(id, options, (ILogger?)logger ?? NullLogger.Instance);
        _attachments = new AttachmentResolver(options.FullAttachmentsRoot, options.MaxAttachmentBytes);
    }

    public string Id { get; }

    public CsvConnectorOptions Options { get; }

    /// <summary>The absolute attachment root.</summary>
    public string AttachmentsRoot => _attachments.Root;

    /// <inheritdoc />
    /// <remarks>
    /// Every row is yielded, a malformed one with <see cref="SourceRecord.Problem"/> (<c>malformed_row</c>) and its raw
    /// text; a checkpoint of an unchanged (or only appended-to) file resumes at its byte offset, any other starts over.
    /// </remarks>
    public IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _reader.ReadAsync(context, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken) =>
        _attachments.OpenAsync(reference, cancellationToken);
}
