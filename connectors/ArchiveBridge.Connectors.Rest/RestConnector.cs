using System.Runtime.CompilerServices;
using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Connectors.Rest.Reading;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// Reads records from a business system's REST API, as its settings describe it (no code per source): list pages in
/// any of four paging styles, an optional detail call per item, incremental sync on a watermark with a
/// (watermark, key) checkpoint, attachments fetched from allowed hosts only. Created by <see cref="RestConnectorFactory"/>.
/// </summary>
public sealed class RestConnector : ISourceConnector, IDisposable
{
    private readonly RestConnectorOptions _options;
    private readonly RestHttpClients _http;
    private readonly RestPageReader _pages;
    private readonly RestRecordBuilder _records;
    private readonly RestAttachmentOpener _attachments;

    internal RestConnector(string id, RestConnectorOptions options, RestHttpClients http, ILogger logger)
    {
        Id = id;
        _options = options;
        _http = http;
        var api = new RestApiClient(http, options, id);
        _pages = new RestPageReader(api, options, id, logger);
        _records = new RestRecordBuilder(api, options);
        _attachments = new RestAttachmentOpener(http, options, logger, id);
    }

    public string Id { get; }

    /// <summary>
    /// Reads from the checkpoint on (all, when the connector has no <c>incremental</c> block or the run is full).
    /// Pages are fetched only as records are consumed. Throws <see cref="ArchiveBridge.Core.ConnectorException"/> when
    /// the source still fails after resilience.
    /// </summary>
    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = context.Full || _options.Incremental is null ? null : RestPosition.Decode(context.Checkpoint, Id);
        long remaining = context.Limit ?? long.MaxValue;
        if (remaining <= 0) yield break;

        await foreach (var page in _pages.ReadAsync(start, cancellationToken).ConfigureAwait(false))
        {
            // A preview needs no detail calls for items it will not show.
            var items = page.Count > remaining ? page.Take((int)remaining).ToList() : page;
            foreach (var record in await _records.BuildAsync(items, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
                if (--remaining == 0) yield break;
            }
        }
    }

    /// <summary>Opens an attachment URL (absolute, or relative to <c>baseUrl</c>) as a stream the caller reads, hashes and disposes.</summary>
    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _attachments.OpenAsync(reference, cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
