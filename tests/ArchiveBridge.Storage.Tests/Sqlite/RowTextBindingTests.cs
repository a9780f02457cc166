using System.Text.RegularExpressions;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Sqlite;

/// <summary>
/// A new record's text values reach its row either as the UTF-8 the mapping stage made of them or, when there is none,
/// encoded by the writer: the two must store the same row.
/// </summary>
public sealed class RowTextBindingTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    // Every column a new record's text is bound to, and the JSON; ids and run ids differ by design and are left out.
    private const string Columns =
        "source_key, fonds, category, retention, org, title, doc_number, date, change_token, metadata, checks, archival_code, partition_key, item_no, year, last_outcome";

    [Fact]
    public async Task NewRecord_FromTheMappingStagesBytes_StoresTheSameRowAsFromStrings()
    {
        var run = await _f.Store.StartRunAsync("c1", "test", "m1", CancellationToken.None);
        var preparer = _f.Preparer("c1");
        // Chinese text, a missing org (null), a change token, check results; the second record's made bytes are given back first.
        var made = Frozen(preparer, "a");
        var encoded = Frozen(preparer, "b");
        Assert.True(made.TryGetStoredRowUtf8(out _, out _, out _));
        encoded.ReleaseStoredMetadataUtf8();
        Assert.False(encoded.TryGetStoredRowUtf8(out _, out _, out _));

        await using (var writer = await _f.Store.OpenWriterAsync(run, CancellationToken.None))
        {
            await writer.WriteAsync([made, encoded], "2", CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        var a = await RowAsync("a");
        var b = await RowAsync("b");
        Assert.Equal(made.NewRecordId, a[^1]);
        Assert.Equal(encoded.NewRecordId, b[^1]);
        Assert.Equal("关于印发《档案管理办法》的通知", a[5]);
        Assert.Null(a[4]);
        Assert.Equal("示范〔2024〕a号", a[6]);
        Assert.Equal("5fb6ae42b93e1d6eea209f055d86d3a7", a[8]);
        Assert.Contains("integrity.required_metadata", a[10]);
        // The same row but for what is each record's own: source key, document number, 档号 and 件号.
        Assert.Equal(Same(a), Same(b));
        Assert.Equal(made.Record!.Fingerprint, await FingerprintAsync("a"));
        Assert.Equal(encoded.Record!.Fingerprint, await FingerprintAsync("b"));
    }

    // The retrieval time is each record's own.
    private static string?[] Same(string?[] row) =>
        [.. row[1..6], row[7], row[8], Regex.Replace(row[9]!, "\"retrievedAt\":\"[^\"]*\"", ""), row[10], row[12], row[14], row[15]];

    private static PreparedRecord Frozen(RecordPreparer preparer, string key)
    {
        var source = Some.Record(key, org: null, token: "5fb6ae42b93e1d6eea209f055d86d3a7");
        var mapped = preparer.Prepare(source);
        mapped.ReleaseStoredMetadataUtf8();
        var record = new PreparedRecord(source) { Key = mapped.Key, Record = mapped.Record };
        record.CheckResults.Add(new CheckResult("integrity.required_metadata", CheckProperty.Integrity, CheckLevel.Block, true, "required metadata present", "必填元数据齐全", null));
        record.Freeze(TimeProvider.System);
        return record;
    }

    private async Task<string?[]> RowAsync(string key)
    {
        await using var connection = await _f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns}, id FROM records WHERE source_key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<string> FingerprintAsync(string key)
    {
        await using var connection = await _f.Store.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT fingerprint FROM records WHERE source_key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
