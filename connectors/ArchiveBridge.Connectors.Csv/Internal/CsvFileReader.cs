using System.Runtime.CompilerServices;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Sources;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Reads one CSV file as source records, from a checkpoint on. The file is read in segments: one CsvHelper reader
/// from the start (or the checkpoint) to the end, and a new one after each line where a broken quote had joined
/// the lines after it, so one bad quote costs one quarantined line and never the rest of the file.
/// </summary>
internal sealed class CsvFileReader(string connectorId, CsvConnectorOptions options, ILogger logger)
{
    private readonly string _fullPath = options.FullPath;

    public async IAsyncEnumerable<SourceRecord> ReadAsync(ReadContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = context.Limit ?? int.MaxValue;
        if (limit <= 0) yield break;

        using var file = OpenFile();
        var length = RandomAccess.GetLength(file);
        var fingerprint = await FileFingerprint.ComputeAsync(file, length, cancellationToken).ConfigureAwait(false);
        var encoding = await CsvTextEncoding.ResolveAsync(file, length, options.Encoding, cancellationToken).ConfigureAwait(false);
        if (encoding.HasBom && options.Encoding == CsvEncoding.Gb18030) Log.BomOverridesSetting(logger, connectorId, options.Path);
        Log.Reading(logger, connectorId, options.Path, length, encoding.Name);

        var rows = new CsvRowBuilder(connectorId, options, logger, encoding, CsvCheckpoint.FilePrefix(length, fingerprint));
        var (offset, line) = await ResumePointAsync(context, file, length, fingerprint, cancellationToken).ConfigureAwait(false);
        if (offset > 0) await ReadHeaderAsync(rows, file, length, cancellationToken).ConfigureAwait(false);

        var yielded = 0;
        while (true)
        {
            (long Offset, long Line)? restart = null;
            rows.StartSegment();
            using (var stream = new LineIndexingStream(file, offset, length))
            await using (var csv = CsvReader.Create(stream, rows.ReaderOptions, leaveOpen: true))
            {
                while (true)
                {
                    // CsvHelper only looks at the token when it reads more input; a run stops within a row.
                    cancellationToken.ThrowIfCancellationRequested();
                    bool more;
                    CsvFormatException? error = null;
                    try
                    {
                        more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (CsvFormatException e)
                    {
                        (error, more) = (e, false);
                    }
                    if (error is not null)
                    {
                        var (broken, next) = await rows.BrokenLineAsync(file, length, stream, line, error, cancellationToken).ConfigureAwait(false);
                        yield return broken;
                        if (++yielded >= limit) yield break;
                        restart = next;
                        break;
                    }
                    if (!more) break;
                    if (rows.IsBlank(csv.RawRecord)) continue;
                    if (rows.Header is null)
                    {
                        rows.TakeHeader(csv);
                        if (options.HasHeader) continue;
                    }
                    var record = rows.Build(csv, stream, line, out restart);
                    yield return record;
                    if (++yielded >= limit) yield break;
                    if (restart is not null) break;
                }
            }
            if (restart is null) yield break;
            (offset, line) = restart.Value;
        }
    }

    private SafeFileHandle OpenFile()
    {
        try
        {
            // Share everything: the business system must stay free to rewrite its export while we read;
            // the fingerprint notices, and the next run starts over.
            return File.OpenHandle(_fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConnectorException(connectorId, $"the CSV file '{options.Path}' does not exist (looked for {_fullPath})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConnectorException(connectorId, $"the CSV file '{options.Path}' ({_fullPath}) cannot be opened: {e.Message}", e);
        }
    }

    private async ValueTask<(long Offset, long Line)> ResumePointAsync(ReadContext context, SafeFileHandle file, long length, string fingerprint, CancellationToken cancellationToken)
    {
        if (context.Full || context.Checkpoint is null) return (0, 1);
        if (!CsvCheckpoint.TryParse(context.Checkpoint, out var checkpoint))
        {
            Log.UnreadableCheckpoint(logger, connectorId, context.Checkpoint, options.Path);
            return (0, 1);
        }
        var unchanged = checkpoint.Length <= length && checkpoint.Fingerprint == (checkpoint.Length == length
            ? fingerprint
            : await FileFingerprint.ComputeAsync(file, checkpoint.Length, cancellationToken).ConfigureAwait(false));
        if (!unchanged)
        {
            Log.FileChanged(logger, connectorId, options.Path);
            return (0, 1);
        }
        Log.Resuming(logger, connectorId, options.Path, checkpoint.Line, checkpoint.Offset);
        return (checkpoint.Offset, checkpoint.Line);
    }

    /// <summary>A run resumed mid-file still needs the header: it is the file's first non-blank row.</summary>
    private static async ValueTask ReadHeaderAsync(CsvRowBuilder rows, SafeFileHandle file, long length, CancellationToken cancellationToken)
    {
        using var stream = new LineIndexingStream(file, 0, length);
        await using var csv = CsvReader.Create(stream, rows.ReaderOptions, leaveOpen: true);
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.IsBlank(csv.RawRecord)) continue;
            rows.TakeHeader(csv);
            return;
        }
    }
}
