using System.Buffers;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Turns the current CsvHelper row into a <see cref="SourceRecord"/>: values, line, position after it, change token,
/// and for a malformed row its problem and raw text. Holds what one read shares (header, options, file prefix).
/// </summary>
internal sealed class CsvRowBuilder
{
    private const int MaxRawTextBytes = 64 * 1024;

    private readonly string _connectorId;
    private readonly CsvConnectorOptions _options;
    private readonly ILogger _logger;
    private readonly CsvTextEncoding _encoding;
    private readonly string _positionPrefix;
    private readonly SearchValues<byte> _blank;
    private readonly Queue<CsvMalformedRecord> _malformed = new();

    public CsvRowBuilder(string connectorId, CsvConnectorOptions options, ILogger logger, CsvTextEncoding encoding, string positionPrefix)
    {
        _connectorId = connectorId;
        _options = options;
        _logger = logger;
        _encoding = encoding;
        _positionPrefix = positionPrefix;
        _blank = SearchValues.Create([(byte)options.Delimiter, (byte)options.Quote, (byte)' ', (byte)'\t']);
        ReaderOptions = new CsvReaderOptions
        {
            Separator = options.Delimiter,
            Quote = options.Quote,
            // The header is read as a row: a reader that starts mid-file (resume, recovery) has none.
            HasHeader = false,
            AllowLineBreaksInQuotes = options.AllowLineBreaksInQuotes,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            TrimWhitespace = false,
            // Malformed rows are kept and flagged, never skipped; field counts are checked against the header here.
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = _malformed.Enqueue,
            MaxRecordSize = CsvConnectorConstants.MaxRecordBytes,
            Encoding = encoding.IsUtf8 ? null : encoding.Encoding,
            // Departments, retention and security values repeat on every row: share their strings.
            PoolStrings = true,
        };
    }

    public CsvReaderOptions ReaderOptions { get; }

    public FieldHeader? Header { get; private set; }

    /// <summary>A new CsvHelper reader numbers its rows from 1 again.</summary>
    public void StartSegment() => _malformed.Clear();

    /// <summary>A row of nothing but delimiters, quotes and blanks (Excel writes them for formatted empty rows) carries no data.</summary>
    public bool IsBlank(ReadOnlySpan<byte> raw) => raw.IndexOfAnyExcept(_blank) < 0;

    public void TakeHeader(CsvReader csv)
    {
        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
            names[i] = _options.HasHeader ? csv.GetString(i).Trim() : $"#{i + 1}";
        Header = new FieldHeader(names);
    }

    public SourceRecord Build(CsvReader csv, LineIndexingStream stream, long baseLine, out (long Offset, long Line)? restart)
    {
        restart = null;
        var relativeLine = csv.LineNumber;
        var line = baseLine + relativeLine - 1;
        var raw = csv.RawRecord;
        var values = new string?[csv.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = csv.GetString(i);

        var breaks = RawLines.CountLineBreaks(raw);
        var split = false;
        RecordProblem? problem = null;
        if (TakeMalformed(csv.RowNumber) is { } reason)
        {
            // A broken quote that spans lines has most likely joined the rows after it: keep only this line.
            split = breaks > 0;
            if (split)
            {
                raw = raw[..raw.IndexOfAny((byte)'\r', (byte)'\n')];
                values = ParseLine(Encoding.UTF8.GetString(raw));
            }
            problem = RowProblems.Quoting(_options.Path, line, reason, swallowedLines: split);
        }
        else if (values.Length != Header!.Names.Count)
            problem = RowProblems.FieldCount(_options.Path, line, values.Length, Header.Names.Count, _options.HasHeader);
        else if (_encoding.IsUtf8 ? !Utf8.IsValid(raw) : raw.IndexOf("\uFFFD"u8) >= 0)
            problem = RowProblems.Encoding(_options.Path, line, _encoding.Name);

        var nextLine = split ? relativeLine + 1 : relativeLine + breaks + 1;
        string position;
        if (stream.TryGetLineStart(nextLine, out var nextOffset))
        {
            position = CsvCheckpoint.Format(_positionPrefix, nextOffset, baseLine + nextLine - 1);
            if (split) restart = (nextOffset, baseLine + nextLine - 1);
        }
        else
        {
            // The last row has no line break after it: it may still be being written, so the position stays
            // before it and the next run reads it again (dedup makes that harmless).
            stream.TryGetLineStart(relativeLine, out var ownOffset);
            position = CsvCheckpoint.Format(_positionPrefix, ownOffset, line);
            nextLine = relativeLine;
        }
        stream.ForgetBefore(nextLine);

        string? rawText = null;
        if (problem is not null)
        {
            rawText = Encoding.UTF8.GetString(raw);
            Log.MalformedRow(_logger, _connectorId, _options.Path, line, problem.Message);
        }
        return new SourceRecord(new FlatSourceFields(Header!, values))
        {
            Position = position,
            Location = _options.Path,
            LineNumber = line,
            ChangeToken = ChangeToken(raw),
            RawText = rawText,
            Problem = problem,
        };
    }

    /// <summary>
    /// CsvHelper gave up on a row (longer than <see cref="CsvConnectorConstants.MaxRecordBytes"/>: an unclosed quote):
    /// quarantine the line it started on, read from the file, and go on after it.
    /// </summary>
    public async ValueTask<(SourceRecord Record, (long Offset, long Line) Next)> BrokenLineAsync(
        SafeFileHandle file, long length, LineIndexingStream stream, long baseLine, CsvFormatException error, CancellationToken cancellationToken)
    {
        var relativeLine = error.LineNumber > 0 ? error.LineNumber : 1;
        if (!stream.TryGetLineStart(relativeLine, out var start))
            throw new ConnectorException(_connectorId, $"{_options.Path}: {error.Message}", error);
        var line = baseLine + relativeLine - 1;
        var (bytes, next) = await RawLines.ReadLineAsync(file, start, length, MaxRawTextBytes, cancellationToken).ConfigureAwait(false);
        var text = _encoding.Encoding.GetString(bytes);
        var problem = RowProblems.TooLong(_options.Path, line);
        Log.MalformedRow(_logger, _connectorId, _options.Path, line, problem.Message);
        var record = new SourceRecord(new FlatSourceFields(Header ?? new FieldHeader([]), ParseLine(text)))
        {
            Position = CsvCheckpoint.Format(_positionPrefix, next, line + 1),
            Location = _options.Path,
            LineNumber = line,
            ChangeToken = ChangeToken(bytes),
            RawText = text,
            Problem = problem,
        };
        return (record, (next, line + 1));
    }

    private CsvMalformedReason? TakeMalformed(long rowNumber)
    {
        while (_malformed.TryPeek(out var m) && m.RecordNumber <= rowNumber)
        {
            _malformed.Dequeue();
            if (m.RecordNumber == rowNumber && m.Reason != CsvMalformedReason.FieldCountMismatch) return m.Reason;
        }
        return null;
    }

    /// <summary>The fields of one physical line, for a row cut back to its first line.</summary>
    private string?[] ParseLine(string text)
    {
        using var csv = CsvReader.FromText(text, ReaderOptions with { OnMalformedRecord = null, Encoding = null, PoolStrings = false });
        if (!csv.Read()) return [];
        var values = new string?[csv.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = csv.GetString(i);
        return values;
    }

    /// <summary>
    /// A stable token of the row's bytes (in their UTF-8 form). XXH128 rather than SHA-256: hashing is then a
    /// twentieth of the cost of reading a row instead of as much again, and a token only has to tell a changed
    /// row from the archived one (a forged collision would only keep the archived version as it is).
    /// </summary>
    private static string ChangeToken(ReadOnlySpan<byte> raw)
    {
        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(raw, digest);
        return Convert.ToHexStringLower(digest);
    }
}
