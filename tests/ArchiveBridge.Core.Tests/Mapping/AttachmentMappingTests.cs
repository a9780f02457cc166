using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Quarantine;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class AttachmentMappingTests
{
    private const string Digest = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    private static CompiledMapping WithAttachments(string attachments) =>
        MappingLoader.Parse($$"""{ "name": "t", "fields": { "title": "title" }, "attachments": {{attachments}} }""", FileName);

    [Fact]
    public void ExpressionForm_SplitPaths_GivesOneReferencePerPath()
    {
        var result = WithAttachments("\"附件路径 | split(';')\"").Map(Row(("title", "x"), ("附件路径", "E007/任免通知.pdf; E007/附表.xlsx;")));

        Assert.Equal(["E007/任免通知.pdf", "E007/附表.xlsx"], result.Attachments.Select(a => a.Location));
        Assert.Equal("任免通知.pdf", result.Attachments[0].FileName);
        Assert.All(result.Attachments, a => Assert.Null(a.DeclaredSha256));
    }

    [Fact]
    public void ExpressionForm_EmptyField_GivesNoAttachments() =>
        Assert.Empty(WithAttachments("\"附件路径 | split(';')\"").Map(Row(("title", "x"), ("附件路径", ""))).Attachments);

    [Fact]
    public void ObjectForm_EachOverJsonArray_DescribesEveryFile()
    {
        var mapping = WithAttachments("""{ "each": "fujian[*]", "url": "url", "name": "name", "sha256": "sha256", "size": "size", "mediaType": "type" }""");
        var record = Json($$"""
            { "title": "x", "fujian": [
                { "url": "http://127.0.0.1/a.pdf", "name": "正文.pdf", "sha256": "{{Digest}}", "size": 1024, "type": "application/pdf" },
                { "url": "http://127.0.0.1/b.ofd" } ] }
            """);

        var result = mapping.Map(record);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal(2, result.Attachments.Count);
        var first = result.Attachments[0];
        Assert.Equal("http://127.0.0.1/a.pdf", first.Location);
        Assert.Equal("正文.pdf", first.Name);
        Assert.Equal(Digest.ToLowerInvariant(), first.DeclaredSha256);
        Assert.Equal(1024, first.DeclaredSize);
        Assert.Equal("application/pdf", first.MediaType);
        var second = result.Attachments[1];
        Assert.Equal("http://127.0.0.1/b.ofd", second.Location);
        Assert.Null(second.Name);
        Assert.Null(second.DeclaredSha256);
        Assert.Null(second.DeclaredSize);
    }

    [Fact]
    public void ObjectForm_WithoutEach_ReadsTheRecordItself()
    {
        var mapping = WithAttachments("""{ "url": "附件路径", "name": "附件名称", "size": "附件大小 | number" }""");

        var result = mapping.Map(Row(("title", "x"), ("附件路径", "a/1.pdf"), ("附件名称", "任免通知.pdf"), ("附件大小", "2,048")));

        var attachment = Assert.Single(result.Attachments);
        Assert.Equal("a/1.pdf", attachment.Location);
        Assert.Equal("任免通知.pdf", attachment.Name);
        Assert.Equal(2048, attachment.DeclaredSize);
    }

    [Fact]
    public void ObjectForm_BadDeclaredSha256_FailsWithBadFormat()
    {
        var mapping = WithAttachments("""{ "each": "files[*]", "url": "url", "sha256": "sha256" }""");

        var result = mapping.Map(Json("""{ "title": "x", "files": [ { "url": "a.pdf", "sha256": "abc" } ] }"""));

        Assert.Equal(ReasonCodes.BadFormat, result.Problem?.Reason);
        Assert.Equal("attachments.sha256", result.Problem?.Field);
        Assert.Equal("abc", result.Problem?.Value);
    }

    [Fact]
    public void ObjectForm_BadDeclaredSize_FailsWithBadNumber()
    {
        var mapping = WithAttachments("""{ "each": "files[*]", "url": "url", "size": "size" }""");

        var result = mapping.Map(Json("""{ "title": "x", "files": [ { "url": "a.pdf", "size": "12KB" } ] }"""));

        Assert.Equal(ReasonCodes.BadNumber, result.Problem?.Reason);
        Assert.Equal("attachments.size", result.Problem?.Field);
    }

    [Fact]
    public void ObjectForm_RequiredUrlMissing_FailsWithMissingField()
    {
        var mapping = WithAttachments("""{ "each": "files[*]", "url": "url | required" }""");

        var result = mapping.Map(Json("""{ "title": "x", "files": [ { "name": "a.pdf" } ] }"""));

        Assert.Equal(ReasonCodes.MissingField, result.Problem?.Reason);
        Assert.Equal("attachments.url", result.Problem?.Field);
    }
}
