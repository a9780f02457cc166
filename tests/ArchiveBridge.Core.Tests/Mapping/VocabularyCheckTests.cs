using ArchiveBridge.Core.Configuration;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class VocabularyCheckTests
{
    private const string Mapping = """
        {
          "name": "t",
          "category": "XX",
          "fields": {
            "retention": "保管期限 | trim | lookup(retention) | required",
            "security": "密级 | default('普通')"
          },
          "lookups": {
            "retention": {
              "永久": "Y",
              "长期": "P"
            }
          }
        }
        """;

    [Fact]
    public void ValuesOutsideVocabularies_AreReportedWhereWritten()
    {
        var diagnostics = Check(Mapping, new VocabularyOptions()).Select(d => d.ToString()).ToList();

        Assert.Equal(
        [
            "mappings/test.json:3: category: 'XX' is not in the category vocabulary (allowed: WS, KJ, KU, RS, ZP, LY, LX, SJ, YJ, WY, MT, SW)",
            "mappings/test.json:6: fields.security: default '普通' is not in the security vocabulary at position 13 (allowed: 公开, 内部, 限制, 秘密, 机密, 绝密)",
            "mappings/test.json:11: lookups.retention: 'P' (for '长期') is not in the retention vocabulary (allowed: Y, D30, D10); the table feeds fields.retention",
        ], diagnostics);
    }

    [Fact]
    public void ConfiguredVocabulary_ReplacesTheDefault() =>
        Assert.Empty(Check(Mapping, new VocabularyOptions { Retention = ["Y", "P"], Security = ["普通"], Category = ["XX"] }));

    [Fact]
    public void QuotedLiteral_OutsideVocabulary_IsReportedAtTheLiteral()
    {
        var diagnostic = Assert.Single(Check("""{ "name": "t", "fields": { "security": "'保密'" } }""", new VocabularyOptions()));

        Assert.Equal(0, diagnostic.Position);
        Assert.StartsWith("'保密' is not in the security vocabulary at position 0", diagnostic.Message);
    }

    [Fact]
    public void WithoutVocabularies_NothingIsChecked() =>
        Assert.Empty(Check(Mapping));

    [Fact]
    public void LookupFollowedByOtherSteps_IsNotChecked() =>
        Assert.Empty(Check("""
            { "name": "t",
              "fields": { "retention": "期限 | lookup(r) | lower" },
              "lookups": { "r": { "永久": "Y" } } }
            """, new VocabularyOptions()));
}
