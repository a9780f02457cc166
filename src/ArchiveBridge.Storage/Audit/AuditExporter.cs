using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchiveBridge.Storage.Reports;
using CsvHelper;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// Exports the audit log, or the entries of a period, for an auditor to keep or check elsewhere. Streams: one
/// entry in memory at a time. A period export starts mid-chain; its first prevHash links it to what came before.
/// </summary>
public sealed class AuditExporter
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly string[] Header = ["seq", "at", "actor", "action", "subject", "details", "prev_hash", "hash"];
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArchiveStore _store;

    public AuditExporter(ArchiveStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Writes the entries with <c>from &lt;= at &lt; to</c> (either bound optional) to <paramref name="destination"/>,
    /// which is left open. Returns the number of entries written.
    /// </summary>
    public async Task<long> ExportAsync(Stream destination, AuditExportFormat format, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var entries = AuditReader.ReadAsync(connection, from is { } f ? StoreTime.ToText(f) : null, to is { } t ? StoreTime.ToText(t) : null, cancellationToken);
        return format switch
        {
            AuditExportFormat.Jsonl => await WriteJsonLinesAsync(entries, destination, cancellationToken).ConfigureAwait(false),
            AuditExportFormat.Csv => await WriteCsvAsync(entries, destination, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown audit export format"),
        };
    }

    private static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<AuditEntry> entries, Stream destination, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold + 4096);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);
        long count = 0;
        await foreach (var e in entries.ConfigureAwait(false))
        {
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteNumber("seq", e.Seq);
            json.WriteString("at", e.At);
            json.WriteString("actor", e.Actor);
            json.WriteString("action", e.Action);
            json.WriteString("subject", e.Subject);
            json.WriteString("details", e.Details);
            json.WriteString("prevHash", e.PrevHash);
            json.WriteString("hash", e.Hash);
            json.WriteEndObject();
            await json.FlushAsync(ct).ConfigureAwait(false);
            buffer.Write("\n"u8);
            count++;
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await destination.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }
        await destination.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        await destination.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<AuditEntry> entries, Stream destination, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, SpreadsheetCsv.Table, leaveOpen: true);
        csv.WriteHeader(Header);
        long count = 0;
        await foreach (var e in entries.ConfigureAwait(false))
        {
            csv.WriteField(e.Seq);
            csv.WriteField(e.At);
            csv.WriteField(e.Actor);
            csv.WriteField(e.Action);
            csv.WriteField(e.Subject);
            csv.WriteField(e.Details);
            csv.WriteField(e.PrevHash);
            csv.WriteField(e.Hash);
            await csv.EndRecordAsync(ct).ConfigureAwait(false);
            count++;
        }
        await csv.FlushAsync(ct).ConfigureAwait(false);
        return count;
    }
}
