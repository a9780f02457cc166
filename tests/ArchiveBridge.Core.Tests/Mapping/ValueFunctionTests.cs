using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Quarantine;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class ValueFunctionTests
{
    private const string Retention = """{ "retention": { "永久": "Y", "定期30年": "D30", "定期10年": "D10" } }""";

    [Theory]
    [InlineData("永久", "Y")]
    [InlineData("定期30年", "D30")]
    public void Lookup_KnownValue_IsTranslated(string input, string expected) =>
        Assert.Equal(expected, Value(Single("保管期限 | lookup(retention)", "retention", Retention).Map(Row(("保管期限", input))), "retention"));

    [Fact]
    public void Lookup_Miss_FailsWithUnknownValueNamingValueAndAllowedKeys()
    {
        var result = Single("保管期限 | lookup(retention)", "retention", Retention).Map(Row(("保管期限", "长期")));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(ReasonCodes.UnknownValue, problem.Reason);
        Assert.Equal("retention", problem.Field);
        Assert.Equal("长期", problem.Value);
        Assert.Equal("'长期' is not in lookup table 'retention' (allowed: 永久, 定期30年, 定期10年)", problem.Message);
        Assert.Equal("“长期”不在对照表 retention 中（可选值：永久, 定期30年, 定期10年）", problem.MessageZh);
    }

    [Fact]
    public void Lookup_MissFollowedByDefault_TakesTheDefault()
    {
        var mapping = Single("保管期限 | trim | lookup('retention') | default('D10')", "retention", Retention);

        Assert.Equal("D10", Value(mapping.Map(Row(("保管期限", "长期"))), "retention"));
        Assert.Equal("Y", Value(mapping.Map(Row(("保管期限", " 永久 "))), "retention"));
    }

    [Fact]
    public void Lookup_EmptyValue_IsNotAMiss() =>
        Assert.True(Single("保管期限 | lookup(retention)", "retention", Retention).Map(Row(("保管期限", ""))).Succeeded);

    [Fact]
    public void Lookup_OverList_TranslatesEach()
    {
        var result = Single("部门 | split('/') | lookup(orgs)", "keywords", """{ "orgs": { "人事处": "RSC", "办公室": "BGS" } }""")
            .Map(Row(("部门", "人事处/办公室")));

        Assert.Equal(["RSC", "BGS"], result.Keywords);
    }

    [Theory]
    [InlineData("", "公开")]
    [InlineData(null, "公开")]
    [InlineData("内部", "内部")]
    public void Default_EmptyOrMissing_GivesTheDefault(string? input, string expected) =>
        Assert.Equal(expected, Eval("密级 | default('公开')", ("密级", input)));

    [Fact]
    public void Default_FieldAbsentFromRow_GivesTheDefault() =>
        Assert.Equal("公开", Eval("密级 | default('公开')", ("其他", "x")));

    [Fact]
    public void Required_Present_PassesValue() =>
        Assert.Equal("人字〔2024〕3号", Eval("文号 | trim | required", ("文号", " 人字〔2024〕3号 ")));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Required_EmptyAfterTrim_FailsWithMissingField(string? input)
    {
        var result = Single("文号 | trim | required", "docNumber").Map(Row(("文号", input)));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(ReasonCodes.MissingField, problem.Reason);
        Assert.Equal("docNumber", problem.Field);
        Assert.Equal("'docNumber' is required but 文号 is empty", problem.Message);
        Assert.Equal("必填字段 docNumber 为空（来源：文号）", problem.MessageZh);
    }

    [Fact]
    public void Map_FirstProblem_LeavesNoValues()
    {
        var mapping = MappingLoader.Parse("""{ "name": "t", "fields": { "title": "题名 | required", "docNumber": "文号 | required" } }""", FileName);

        var result = mapping.Map(Row(("题名", ""), ("文号", "")));

        Assert.False(result.Succeeded);
        Assert.Equal("title", result.Problem!.Field);
        Assert.Empty(result.Values);
    }
}
