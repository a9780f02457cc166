using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Reads a <see cref="RowRange"/> page by page with keyset pagination (<c>(watermark, key) &gt; (@w, @k)</c>,
/// never OFFSET, so rows inserted meanwhile neither shift nor repeat a page). Every value is a parameter.
/// </summary>
internal sealed class RowPager(DatabaseSettings settings, BoundSource source)
{
    private readonly IReadOnlySet<string> _notHashed = source.WriteBack?.Columns ?? new HashSet<string>();
    private FieldHeader? _header;

    public async IAsyncEnumerable<DatabaseRow> ReadAsync(RowRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = range;
        while (true)
        {
            var page = await ReadPageAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var row in page) yield return row;
            if (range.Anomalies || page.Count < settings.BatchSize) yield break;
            current = current with { From = null, After = page[^1].Position };
        }
    }

    private async Task<List<DatabaseRow>> ReadPageAsync(RowRange range, CancellationToken cancellationToken)
    {
        // The page is read whole and the connection closed before any row is yielded, so a slow pipeline never
        // holds a transaction or a lock open on the business system's database.
        await using var connection = settings.Dialect.CreateReadOnlyConnection(settings.ConnectionString);
        await DatabaseErrors.OpenAsync(connection, settings, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = BuildSql(range, command);
        var rows = new List<DatabaseRow>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var layout = new Layout(reader, source, _header);
            _header = layout.Header;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(ReadRow(reader, layout));
        }
        catch (DbException ex)
        {
            throw DatabaseErrors.Failed(settings, $"reading {source.Name}", ex);
        }
        return rows;
    }

    private string BuildSql(RowRange range, DbCommand command)
    {
        var w = "src." + SqlIdentifier.Quote(source.Watermark);
        var k = "src." + SqlIdentifier.Quote(source.Key);
        var where = new List<string> { range.Anomalies ? $"({w} IS NULL OR {k} IS NULL)" : $"{w} IS NOT NULL AND {k} IS NOT NULL" };
        if (range.From is { } from)
        {
            where.Add($"{w} >= @from");
            SqlDialect.AddParameter(command, "@from", from.ToParameter());
        }
        if (range.After is { } after)
        {
            where.Add($"({w}, {k}) > (@after_w, @after_k)");
            SqlDialect.AddParameter(command, "@after_w", after.Watermark.ToParameter());
            SqlDialect.AddParameter(command, "@after_k", after.Key.ToParameter());
        }
        if (range.UpTo is { } upTo)
        {
            where.Add($"({w}, {k}) <= (@upto_w, @upto_k)");
            SqlDialect.AddParameter(command, "@upto_w", upTo.Watermark.ToParameter());
            SqlDialect.AddParameter(command, "@upto_k", upTo.Key.ToParameter());
        }
        if (range.UnmarkedOnly && source.WriteBack is { } writeBack)
        {
            var marked = WriteBackSql.MarkedOnRead(settings.Dialect, writeBack, "wb", command);
            where.Add($"NOT EXISTS (SELECT 1 FROM {writeBack.TableSql} AS wb WHERE wb.{SqlIdentifier.Quote(writeBack.Key)} = {k} AND {marked})");
        }
        var sql = $"SELECT src.* FROM {source.FromSql} AS src WHERE {string.Join(" AND ", where)} ORDER BY {w}, {k}";
        if (range.Anomalies) return sql;
        SqlDialect.AddParameter(command, "@limit", settings.BatchSize);
        return sql + " LIMIT @limit";
    }

    private DatabaseRow ReadRow(DbDataReader reader, Layout layout)
    {
        var values = new string?[layout.Fields.Length];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < values.Length; i++)
        {
            var ordinal = layout.Fields[i];
            values[i] = ColumnText.Format(reader.GetValue(ordinal), layout.TypeNames[i]);
            if (_notHashed.Contains(layout.Header.Names[i])) continue;
            hash.AppendData(Encoding.UTF8.GetBytes($"{layout.Header.Names[i]}\0{values[i] ?? "\u0001null"}\u001e"));
        }

        byte[]? blob = null;
        long blobLength = 0;
        var hasBlob = layout.Blob >= 0 && !reader.IsDBNull(layout.Blob);
        if (hasBlob)
        {
            blob = reader.GetValue(layout.Blob) switch { byte[] bytes => bytes, var other => Encoding.UTF8.GetBytes(ColumnText.Format(other, "") ?? "") };
            hash.AppendData(blob);
            blobLength = blob.LongLength;
            if (blobLength > settings.MaxAttachmentBytes) blob = null;
        }

        var watermark = reader.GetValue(layout.Watermark);
        var key = reader.GetValue(layout.Key);
        return new DatabaseRow
        {
            Header = layout.Header,
            Values = values,
            Watermark = watermark is DBNull ? null : Typed(watermark, "watermark", source.Watermark),
            WatermarkText = ColumnText.Format(watermark, reader.GetDataTypeName(layout.Watermark)),
            Key = key is DBNull ? null : Typed(key, "key", source.Key),
            KeyText = ColumnText.Format(key, reader.GetDataTypeName(layout.Key)),
            HasBlob = hasBlob,
            Blob = blob,
            BlobLength = blobLength,
            BlobName = layout.BlobName >= 0 ? ColumnText.Format(reader.GetValue(layout.BlobName), "") : null,
            RowHash = Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 8),
        };
    }

    private TypedValue Typed(object value, string setting, string column)
    {
        try { return TypedValue.From(value); }
        catch (NotSupportedException ex) { throw settings.Error(setting, $"column '{column}': {ex.Message}"); }
    }

    /// <summary>Where each column sits in this page's result; the header is shared by every page of the run.</summary>
    private sealed class Layout
    {
        public Layout(DbDataReader reader, BoundSource source, FieldHeader? header)
        {
            var fields = new List<int>();
            var names = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                if (source.Blob is not null && name.Equals(source.Blob, StringComparison.OrdinalIgnoreCase)) Blob = i;
                else { fields.Add(i); names.Add(name); }
            }
            Fields = [.. fields];
            TypeNames = fields.Select(reader.GetDataTypeName).ToArray();
            Header = header is not null && header.Names.SequenceEqual(names) ? header : new FieldHeader(names);
            Key = reader.GetOrdinal(source.Key);
            Watermark = reader.GetOrdinal(source.Watermark);
            BlobName = source.BlobName is null ? -1 : reader.GetOrdinal(source.BlobName);
        }

        public FieldHeader Header { get; }
        public int[] Fields { get; }
        public string[] TypeNames { get; }
        public int Key { get; }
        public int Watermark { get; }
        public int Blob { get; } = -1;
        public int BlobName { get; }
    }
}
