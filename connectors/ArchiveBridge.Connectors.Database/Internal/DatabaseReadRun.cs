using System.Runtime.CompilerServices;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// One <c>ReadAsync</c>: up to four passes over the source, each in (watermark, key) order.
/// <list type="number">
/// <item><b>repair</b> (write-back on, resuming): rows at or before the checkpoint that are not marked yet — archived
/// but not acknowledged because of a crash, or quarantined last time. They are Unchanged downstream and get marked now.</item>
/// <item><b>overlap</b> (write-back off, time watermark): rows in [checkpoint − overlap, checkpoint], skipping those the
/// checkpoint lists as seen, so a row committed late with an older timestamp is not lost and none is repeated.</item>
/// <item><b>main</b>: rows after the checkpoint (all rows on a first or <c>--full</c> run).</item>
/// <item><b>anomalies</b>: rows whose watermark or key is NULL, which no keyset range reaches.</item>
/// </list>
/// Rows of the repair, overlap and anomaly passes carry the checkpoint unchanged (plus newly seen rows), so
/// storing their position never moves the cursor back.
/// </summary>
internal sealed class DatabaseReadRun
{
    private readonly DatabaseSettings _settings;
    private readonly BoundSource _source;
    private readonly RowPager _pager;
    private readonly ILogger _logger;
    private readonly DatabaseCheckpoint? _start;
    private readonly string? _carry;
    private readonly int _limit;
    private TimeSpan? _overlap;
    private SeenWindow? _window;
    private string? _lastPosition;
    private int _yielded;

    public DatabaseReadRun(DatabaseSettings settings, BoundSource source, ReadContext context, ILogger logger)
    {
        _settings = settings;
        _source = source;
        _logger = logger;
        _pager = new RowPager(settings, source);
        _limit = context.Limit ?? int.MaxValue;
        _start = context.Full || context.Checkpoint is null ? null : Decode(context.Checkpoint);
        _carry = _start is null ? null : context.Checkpoint;
        if (_start is not null) SetOverlap(_start.Watermark);
    }

    private bool Done => _yielded >= _limit;

    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Done) yield break;
        if (_start is not null && _source.WriteBack is not null)
        {
            await foreach (var row in _pager.ReadAsync(new RowRange { UpTo = (_start.Watermark, _start.Key), UnmarkedOnly = true }, cancellationToken).ConfigureAwait(false))
            {
                yield return ToRecord(row, _carry);
                if (Done) yield break;
            }
        }

        if (_start is not null && _window is not null)
        {
            var seen = _start.Seen.ToHashSet();
            var range = new RowRange { From = _start.Watermark.Minus(_overlap!.Value), UpTo = (_start.Watermark, _start.Key) };
            int yielded = 0, skipped = 0;
            await foreach (var row in _pager.ReadAsync(range, cancellationToken).ConfigureAwait(false))
            {
                var identity = Identity(row);
                _window.Add(Time(row), identity);
                if (seen.Contains(identity)) { skipped++; continue; }
                yielded++;
                var position = _start with { Seen = _start.Seen.Union(_window.Snapshot()).TakeLast(SeenWindow.DefaultCapacity).ToList() };
                yield return ToRecord(row, position.Encode());
                if (Done) yield break;
            }
            Log.PassRead(_logger, _settings.ConnectorId, "overlap", yielded, skipped);
        }

        var main = new RowRange { After = _start is null ? null : (_start.Watermark, _start.Key) };
        await foreach (var row in _pager.ReadAsync(main, cancellationToken).ConfigureAwait(false))
        {
            if (_overlap is null) SetOverlap(row.Watermark!.Value);
            _window?.Add(Time(row), Identity(row));
            _lastPosition = new DatabaseCheckpoint(_source.Watermark, _source.Key, row.Watermark!.Value, row.Key!.Value, _window?.Snapshot() ?? []).Encode();
            yield return ToRecord(row, _lastPosition);
            if (Done) yield break;
        }

        var anomalies = 0;
        await foreach (var row in _pager.ReadAsync(new RowRange { Anomalies = true, UnmarkedOnly = true }, cancellationToken).ConfigureAwait(false))
        {
            anomalies++;
            yield return ToRecord(row, _lastPosition ?? _carry);
            if (Done) break;
        }
        if (anomalies > 0) Log.AnomalousRows(_logger, _settings.ConnectorId, anomalies, _source.Name);
    }

    private DatabaseCheckpoint? Decode(string text)
    {
        var checkpoint = DatabaseCheckpoint.TryDecode(text)
            ?? throw new ConnectorException(_settings.ConnectorId,
                $"the checkpoint '{(text.Length > 80 ? text[..80] + "…" : text)}' was not written by a database connector; run a full sync to read from the start");
        if (checkpoint.WatermarkColumn.Equals(_source.Watermark, StringComparison.OrdinalIgnoreCase)
            && checkpoint.KeyColumn.Equals(_source.Key, StringComparison.OrdinalIgnoreCase)) return checkpoint;
        Log.CheckpointForOtherColumns(_logger, _settings.ConnectorId, checkpoint.WatermarkColumn, checkpoint.KeyColumn, _source.Watermark, _source.Key);
        return null;
    }

    /// <summary>Time watermarks re-read an overlap (default 5 minutes); ids and plain text take none.</summary>
    private void SetOverlap(TypedValue watermark)
    {
        if (watermark.IsTime) _overlap = _settings.Overlap ?? DatabaseConnectorConstants.DefaultTimeOverlap;
        else if (_settings.Overlap is { } configured && configured > TimeSpan.Zero)
            throw _settings.Error("overlap", $"overlap {configured} needs a date-time watermark, but '{_source.Watermark}' holds '{watermark.Text}'; leave overlap out (or 00:00:00) for ids");
        else _overlap = TimeSpan.Zero;
        // With a write-back the repair pass already finds late rows (they are unmarked), so no window is kept.
        if (_overlap > TimeSpan.Zero && _source.WriteBack is null) _window = new SeenWindow(_overlap.Value);
    }

    private static DateTime? Time(DatabaseRow row) => row.Watermark is { } w && w.TryGetTime(out var time) ? time : null;

    private static ulong Identity(DatabaseRow row) => SeenWindow.Identity(row.KeyText ?? "", row.WatermarkText ?? "");

    private SourceRecord ToRecord(DatabaseRow row, string? position)
    {
        _yielded++;
        return new SourceRecord(new FlatSourceFields(row.Header, row.Values))
        {
            SourceKey = row.KeyText,
            ChangeToken = $"{row.WatermarkText}#{row.RowHash}",
            Position = position,
            Location = $"{_source.Name} {_source.Key}={row.KeyText}",
            LineNumber = null,
            Attachments = row.HasBlob ? [BlobReference(row)] : [],
            Problem = row.KeyText is null
                ? new RecordProblem(ReasonCodes.MissingField, $"key column '{_source.Key}' is empty in {_source.Name}")
                {
                    Field = _source.Key,
                    MessageZh = $"{_source.Name} 的主键列 {_source.Key} 为空",
                }
                : null,
        };
    }

    private AttachmentReference BlobReference(DatabaseRow row)
    {
        var name = string.IsNullOrWhiteSpace(row.BlobName) ? $"{row.KeyText}.bin" : Path.GetFileName(row.BlobName.Replace('\\', '/'));
        return new AttachmentReference($"{AttachmentOpener.BlobScheme}{_source.Name}/{row.KeyText}/{_source.Blob}")
        {
            Name = name,
            DeclaredSize = row.BlobLength,
            // Spelled out: a null byte[] would convert to an empty (not absent) ReadOnlyMemory.
            InlineContent = row.Blob is { } bytes ? new ReadOnlyMemory<byte>(bytes) : (ReadOnlyMemory<byte>?)null,
        };
    }
}
