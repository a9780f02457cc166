using System.Runtime.CompilerServices;
using ArchiveBridge.Connectors.Database.Internal;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Database;

/// <summary>
/// Reads a 中间库 (staging database) table or query in (watermark, key) order with keyset pagination, and marks
/// archived rows back in it (<see cref="IArchiveAcknowledger"/>). Created by <see cref="DatabaseConnectorFactory"/>.
/// </summary>
/// <remarks>
/// The pipeline acknowledges only after its own commit. A crash between that commit and the write-back is
/// repaired by the next run: its repair pass reads again the rows at or before the checkpoint that are not
/// marked, the pipeline finds them Unchanged, and they are acknowledged again. Marking is idempotent (a
/// marked row is not updated again), so a trigger that bumps the watermark on update makes a row re-appear
/// once, as Unchanged, and then settles instead of looping.
/// </remarks>
public sealed class DatabaseConnector : ISourceConnector, IArchiveAcknowledger
{
    private readonly DatabaseSettings _settings;
    private readonly ILogger _logger;
    private readonly AttachmentOpener _attachments;
    private readonly WriteBack _writeBack;
    private volatile BoundSource? _bound;

    internal DatabaseConnector(DatabaseSettings settings, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        _attachments = new AttachmentOpener(settings);
        _writeBack = new WriteBack(settings, timeProvider, logger);
    }

    public string Id => _settings.ConnectorId;

    public IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReadCoreAsync(context, cancellationToken);
    }

    public ValueTask<Stream> OpenAttachmentAsync(AttachmentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<Stream>(cancellationToken);
        try { return ValueTask.FromResult(_attachments.Open(reference)); }
        catch (AttachmentException ex) { return ValueTask.FromException<Stream>(ex); }
    }

    /// <summary>Marks the rows of items archived as Created, Versioned, Unchanged or Duplicate, in one transaction; others are left alone.</summary>
    public async ValueTask AcknowledgeAsync(IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!_settings.HasWriteBack || items.Count == 0) return;
        var source = _bound ?? await BindAsync(cancellationToken).ConfigureAwait(false);
        await _writeBack.AcknowledgeAsync(source.WriteBack!, items, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<SourceRecord> ReadCoreAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bound again on every run: a column renamed in the ERP fails the run with the setting's name, not a SQL error.
        var source = await BindAsync(cancellationToken).ConfigureAwait(false);
        var run = new DatabaseReadRun(_settings, source, context, _logger);
        await foreach (var record in run.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return record;
    }

    private async Task<BoundSource> BindAsync(CancellationToken cancellationToken)
    {
        await SqliteSeeder.EnsureCreatedAsync(_settings, _logger, cancellationToken).ConfigureAwait(false);
        return _bound = await SchemaBinder.BindAsync(_settings, cancellationToken).ConfigureAwait(false);
    }
}
