using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest.Tests;

/// <summary>mappings/oa-documents.json against what the demo OA actually serves through this connector.</summary>
public sealed partial class MappingFileTests
{
    private static readonly JsonElement Mapping =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "mappings", "oa-documents.json"))).RootElement;

    [Fact]
    public async Task MappingFields_NameFieldsEveryDemoRecordHas()
    {
        var records = await ReadDemoAsync();

        foreach (var field in Mapping.GetProperty("fields").EnumerateObject())
        {
            var source = FieldPath.Parse(field.Value.GetString()!.Split('|')[0].Trim());
            Assert.All(records, r =>
            {
                var values = new List<string?>();
                r.Fields.Select(source, values);
                Assert.True(values.Count > 0 && values.All(v => !string.IsNullOrEmpty(v)), $"{r.SourceKey} has no '{source}' for {field.Name}");
            });
        }
    }

    [Fact]
    public async Task MappingDateFormats_ParseEveryIssuedAt()
    {
        var formats = DateFormat().Matches(Mapping.GetProperty("fields").GetProperty("date").GetString()!).Select(m => m.Groups[1].Value).ToArray();

        foreach (var record in await ReadDemoAsync())
            Assert.True(DateTime.TryParseExact(record.Field("issuedAt"), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{record.SourceKey}: '{record.Field("issuedAt")}' matches none of {string.Join(", ", formats)}");
    }

    [Fact]
    public async Task MappingLookups_CoverEveryDemoValue()
    {
        var lookups = Mapping.GetProperty("lookups");
        var records = await ReadDemoAsync();

        Assert.All(records, r => Assert.True(lookups.GetProperty("retention").TryGetProperty(r.Field("retention")!, out _), r.Field("retention")));
        Assert.All(records, r => Assert.True(lookups.GetProperty("orgs").TryGetProperty(r.Field("department")!, out _), r.Field("department")));
    }

    [Fact]
    public async Task MappingAttachments_SelectFilesWithUrlNameDigestAndSize()
    {
        var each = Mapping.GetProperty("attachments");
        var record = (await ReadDemoAsync())[3];

        var files = record.Fields.SelectObjects(FieldPath.Parse(each.GetProperty("each").GetString()!)).ToList();

        Assert.Equal(2, files.Count);
        foreach (var key in new[] { "url", "name", "sha256", "size" })
            Assert.All(files, f => Assert.True(f.TryGetValue(each.GetProperty(key).GetString()!, out var v) && v is { Length: > 0 }, key));
    }

    private static async Task<List<SourceRecord>> ReadDemoAsync()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "detail": { "path": "/documents/{id}" }, "paging": { "size": 100 } }"""));
        return await connector.ReadAllAsync();
    }

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex DateFormat();
}
