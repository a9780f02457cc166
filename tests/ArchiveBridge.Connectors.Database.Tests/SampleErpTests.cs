using System.Text.Json;
using System.Text.RegularExpressions;
using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

/// <summary>The shipped sample: samples/erp/seed.sql, samples/erp/files and mappings/erp-vouchers.json work together.</summary>
public partial class SampleErpTests
{
    private static Dictionary<string, string?> SampleSettings(string dataDirectory) => new()
    {
        ["provider"] = "sqlite",
        ["connectionString"] = $"Data Source={Path.Combine(dataDirectory, "erp-outbox.db")}",
        ["seedScript"] = "erp/seed.sql",
        ["table"] = "archive_outbox",
        ["key"] = "voucher_id",
        ["watermark"] = "updated_at",
        ["attachmentsRoot"] = "erp/files",
        ["blobColumn"] = "attachment",
        ["blobNameColumn"] = "attachment_name",
        ["writeBack.set.archive_status"] = "ARCHIVED",
        ["writeBack.set.archived_at"] = "{now}",
        ["writeBack.set.archival_code"] = "{archivalCode}",
    };

    [Fact]
    public async Task Sample_ReadOpenAndAcknowledge_EveryVoucherOnceThenNothing()
    {
        using var data = new TempDirectory();
        var connector = Create(Repository.File("samples"), SampleSettings(data.Path));

        var first = await ArchiveAsync(connector, checkpoint: null, limit: 50);
        var rest = await ArchiveAsync(connector, first.Checkpoint, limit: null);
        var vouchers = first.Records.Concat(rest.Records).ToList();
        var after = await SyncAsync(connector, rest.Checkpoint);

        Assert.Equal(Enumerable.Range(1, 60), vouchers.Select(r => int.Parse(r.SourceKey!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(["48", "49", "50", "51", "52", "53", "54", "55", "56"], vouchers.TakeLast(9).Select(r => r.SourceKey));
        Assert.Equal(2, vouchers.Count(r => r.Attachments.Count == 1));
        Assert.Equal(3, vouchers.Count(r => PathAttachments(r).Any()));
        Assert.Empty(after.Records);
    }

    [Fact]
    public async Task Mapping_EveryColumnItReads_ExistsInTheSampleTable()
    {
        using var data = new TempDirectory();
        var record = (await SyncAsync(Create(Repository.File("samples"), SampleSettings(data.Path)), limit: 1)).Records[0];
        using var mapping = JsonDocument.Parse(await File.ReadAllTextAsync(Repository.File("mappings", "erp-vouchers.json")));
        var root = mapping.RootElement;
        var expressions = root.GetProperty("fields").EnumerateObject().Select(p => p.Value.GetString()!)
            .Append(root.GetProperty("key").GetString()!).Append(root.GetProperty("attachments").GetString()!);

        var columns = expressions.SelectMany(ColumnsOf).Distinct().ToList();

        Assert.Equal("KU", root.GetProperty("category").GetString());
        Assert.Contains("voucher_no", columns);
        Assert.All(columns, c => Assert.True(record.Fields.TryGetValue(c, out _), $"mapping reads '{c}', which archive_outbox does not have"));
        Assert.All(new[] { "定期30年", "30年" }, r => Assert.True(root.GetProperty("lookups").GetProperty("retention").TryGetProperty(r, out _)));
    }

    /// <summary>A run as the pipeline does it: read, take every attachment in, acknowledge after "commit".</summary>
    private static async Task<Run> ArchiveAsync(DatabaseConnector connector, string? checkpoint, int? limit)
    {
        var run = await SyncAsync(connector, checkpoint, limit: limit);
        foreach (var reference in run.Records.SelectMany(r => r.Attachments.Concat(PathAttachments(r))))
        {
            await using var stream = await connector.OpenAttachmentAsync(reference, CancellationToken.None);
            Assert.True(stream.ReadByte() >= 0, $"{reference.FileName} is empty");
        }
        var items = run.Records.Select(r => new ArchivedItem(r, r.SourceKey!, RecordOutcome.Created) { ArchivalCode = $"Z001-KU·2024-D30-CWB-{r.SourceKey!.PadLeft(4, '0')}" });
        await connector.AcknowledgeAsync(items.ToList(), CancellationToken.None);
        return run;
    }

    private static IEnumerable<Core.Attachments.AttachmentReference> PathAttachments(SourceRecord record) =>
        record.Field("attachment_path") is { Length: > 0 } path ? [new Core.Attachments.AttachmentReference(path)] : [];

    /// <summary>A template's {columns}, or the leading field name of a pipe expression ('literals' read none).</summary>
    private static IEnumerable<string> ColumnsOf(string expression)
    {
        var source = expression.Split('|')[0].Trim();
        if (source.StartsWith('\'')) return [];
        return source.Contains('{') ? TemplatePart().Matches(source).Select(m => m.Groups[1].Value) : [source];
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TemplatePart();
}
