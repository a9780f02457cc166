using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class DetailTests
{
    private const string WithDetail = """{ "detail": { "path": "/documents/{id}" }, "paging": { "size": 50 } }""";

    [Fact]
    public async Task ReadAsync_WithDetail_MergesDetailFieldsOverListItem()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, WithDetail));

        var records = await connector.ReadAllAsync();

        Assert.Equal(120, records.Count);
        var fourth = records[3];
        Assert.Equal("OA2024-0004", fourth.SourceKey);
        Assert.Equal("关于2024年第一季度预算执行情况的请示", fourth.Field("title"));
        Assert.Equal("华示档〔2024〕4号", fourth.Field("docNumber"));
        Assert.Equal("永久", fourth.Field("retention"));
        Assert.Equal("2024-01-11", fourth.Field("issuedAt"));
        Assert.Equal($"{oa.ApiUrl}/documents/OA2024-0004", fourth.SourceUrl);
        var attachments = fourth.Fields.SelectObjects(FieldPath.Parse("attachments[*]")).ToList();
        Assert.Equal(["OA2024-0004.pdf", "OA2024-0004-附件1.ofd"], attachments.Select(a => a.TryGetValue("name", out var n) ? n : null));
        Assert.Equal(120, oa.Journal.For("/api/documents/").Count);
    }

    [Fact]
    public async Task ReadAsync_WithDetail_KeepsListOrderAndRawJson()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "detail": { "path": "/documents/{id}", "concurrency": 8 } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(Enumerable.Range(1, 120).Select(n => $"OA2024-{n:0000}"), records.Select(r => r.SourceKey));
        Assert.Contains("\"department\":\"办公室\"", records[0].Fields.ToRawJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DetailGone_YieldsRecordWithSourceErrorProblem()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "detail": { "path": "/documents/{id}-deleted" } }"""));

        var records = await connector.ReadAllAsync(limit: 3);

        Assert.Equal(3, records.Count);
        var problem = Assert.IsType<RecordProblem>(records[0].Problem);
        Assert.Equal(ReasonCodes.SourceError, problem.Reason);
        Assert.Contains($"GET {oa.ApiUrl}/documents/OA2024-0001-deleted answered 404", problem.Message, StringComparison.Ordinal);
        Assert.Equal("关于开展2024年度安全生产大检查的通知", records[0].Field("title"));
    }

    [Fact]
    public async Task ReadAsync_PreviewWithDetail_FetchesDetailOnlyForShownRecords()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, WithDetail));

        var records = await connector.ReadAllAsync(limit: 5);

        Assert.Equal(5, records.Count);
        Assert.Equal(5, oa.Journal.For("/api/documents/").Count);
    }

    [Fact]
    public async Task ReadAsync_ItemThatIsNotAnObject_YieldsMalformedRowProblem()
    {
        await using var oa = await DemoOaServer.StartAsync();
        // "data" is an object, not the item array: pointing list.items at a scalar array shows the handling.
        using var connector = TestConnectors.Create(TestSettings.For(oa,
            """{ "list": { "path": "/documents/OA2024-0004", "items": "keywords" }, "paging": { "style": "link" } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(ReasonCodes.MalformedRow, r.Problem?.Reason));
        Assert.Equal("请示", records[0].Field("value"));
        Assert.Equal("\"请示\"", records[0].RawText);
    }
}
