using ArchiveBridge.Core.Mapping;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

/// <summary>Static checks on the shape of the mapping file, each with the line it points at.</summary>
public class MappingFileDiagnosticTests
{
    [Fact]
    public void UnknownTarget_IsReportedOnItsLine()
    {
        var json = """
            {
              "name": "t",
              "fields": {
                "title": "题名",
                "titel": "题名"
              }
            }
            """;

        var diagnostic = Assert.Single(Check(json));

        Assert.Equal(5, diagnostic.Line);
        Assert.Equal("fields.titel", diagnostic.Field);
        Assert.Null(diagnostic.Position);
        Assert.StartsWith("unknown target 'titel' (targets: fonds, fondsUnit, category,", diagnostic.Message);
        Assert.EndsWith("or extra.<name> for anything else)", diagnostic.Message);
    }

    [Fact]
    public void UnknownTopLevelKey_IsReportedOnItsLine()
    {
        var json = """
            {
              "$schema": "mapping.schema.json",
              "name": "t",
              "feilds": {}
            }
            """;

        var diagnostics = Check(json);

        var unknown = Assert.Single(diagnostics, d => d.Field == "feilds");
        Assert.Equal(4, unknown.Line);
        Assert.StartsWith("unknown key 'feilds' (known: name, description, system, category, key, fields, attachments, lookups)", unknown.Message);
        Assert.Contains(diagnostics, d => d.Field == "fields" && d.Message.StartsWith("missing 'fields'", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingName_IsReported() =>
        Assert.Equal("mappings/test.json:1: name: missing 'name'", Assert.Single(Check("""{ "fields": { "title": "t" } }""")).ToString());

    [Fact]
    public void WrongValueKinds_AreReported()
    {
        var json = """
            {
              "name": 3,
              "fields": { "title": ["题名"] },
              "lookups": { "orgs": ["人事处"] }
            }
            """;

        var diagnostics = Check(json).Select(d => d.ToString()).ToList();

        Assert.Equal(
        [
            "mappings/test.json:2: name: 'name' must be a non-empty string",
            "mappings/test.json:3: fields.title: must be an expression string, not an array",
            "mappings/test.json:4: lookups.orgs: a lookup table must be an object of \"from\": \"to\", not an array",
        ], diagnostics);
    }

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecond()
    {
        var json = """
            {
              "name": "t",
              "fields": { "title": "a" },
              "name": "u"
            }
            """;

        var diagnostic = Assert.Single(Check(json));

        Assert.Equal("mappings/test.json:4: name: 'name' is given twice", diagnostic.ToString());
    }

    [Fact]
    public void LookupEntryGivenTwice_IsReportedOnItsLine()
    {
        var json = """
            {
              "name": "t",
              "fields": { "retention": "期限 | lookup(r)" },
              "lookups": { "r": {
                "永久": "Y",
                "永久": "D30" } }
            }
            """;

        Assert.Equal("mappings/test.json:6: lookups.r: '永久' is given twice", Assert.Single(Check(json)).ToString());
    }

    [Fact]
    public void CategoryAtTopAndInFields_IsReported() =>
        Assert.Equal("mappings/test.json:1: fields.category: 'category' is mapped twice",
            Assert.Single(Check("""{ "name": "t", "category": "RS", "fields": { "category": "门类" } }""")).ToString());

    [Fact]
    public void BadJson_IsReportedWithItsLine()
    {
        var json = """
            {
              "name": "t",
              "fields": { "title": "a" }
              "key": "b"
            }
            """;

        var diagnostic = Assert.Single(Check(json));

        Assert.Equal(4, diagnostic.Line);
        Assert.Equal("", diagnostic.Field);
        Assert.StartsWith("not valid JSON: ", diagnostic.Message);
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreAllowed() =>
        Assert.Empty(Check("""
            {
              // 人事档案
              "name": "t",
              "fields": { "title": "题名", },
            }
            """));

    [Fact]
    public void AttachmentsObject_WithUnknownKeyAndNoUrl_IsReported()
    {
        var json = """
            {
              "name": "t",
              "fields": { "title": "a" },
              "attachments": {
                "each": "files[*]",
                "link": "url"
              }
            }
            """;

        var diagnostics = Check(json).Select(d => d.ToString()).ToList();

        Assert.Equal(
        [
            "mappings/test.json:4: attachments.url: missing 'url': the expression giving each file's path or URL",
            "mappings/test.json:6: attachments.link: unknown key 'link' (known: each, url, name, sha256, size, mediaType)",
        ], diagnostics);
    }

    [Fact]
    public void AttachmentsExpression_WithUnknownFunction_IsReported()
    {
        var diagnostic = Assert.Single(Check("""{ "name": "t", "fields": { "title": "a" }, "attachments": "附件 | splt(';')" }"""));

        Assert.Equal("attachments", diagnostic.Field);
        Assert.Equal(5, diagnostic.Position);
    }
}
