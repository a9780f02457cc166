using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Mapping;

/// <summary>The HR example of DESIGN §4, loaded from a real file and run over CSV-like rows.</summary>
public sealed class HrMappingTests : IDisposable
{
    private const string HrMapping = """
        {
          "$schema": "mapping.schema.json",
          "name": "hr-personnel",
          "system": "人事管理系统",
          "category": "RS",
          "key": "{员工编号}-{文号}",
          "fields": {
            "title": "文件题名 | trim",
            "docNumber": "文号 | trim | required",
            "date": "成文日期 | date('yyyy-MM-dd', 'yyyy/M/d', 'yyyy年M月d日', 'yyyyMMdd')",
            "retention": "保管期限 | lookup(retention)",
            "security": "密级 | default('公开')",
            "org": "部门 | lookup(orgs)",
            "responsible": "'人事处'",
            "pages": "页数 | number",
            "keywords": "主题词 | split(';', '；')",
            "extra.employeeId": "员工编号"
          },
          "attachments": "附件路径 | split(';')",
          "lookups": {
            "retention": { "永久": "Y", "定期30年": "D30", "定期10年": "D10" },
            "orgs": { "人事处": "RSC" }
          }
        }
        """;

    private static readonly FieldHeader Header = new(["员工编号", "文号", "文件题名", "成文日期", "保管期限", "密级", "部门", "页数", "主题词", "附件路径"]);

    private readonly TempDirectory _dir = new();
    private readonly CompiledMapping _mapping;

    public HrMappingTests()
    {
        var path = _dir.Combine("hr-personnel.json");
        File.WriteAllText(path, HrMapping);
        Assert.Empty(MappingLoader.Check(path, new VocabularyOptions()));
        _mapping = MappingLoader.Load(path, new VocabularyOptions());
    }

    public void Dispose() => _dir.Dispose();

    private static SourceRecord Row(params string?[] values) => new(new FlatSourceFields(Header, values)) { LineNumber = 2 };

    [Fact]
    public void Map_TypicalRow_GivesEveryCanonicalValue()
    {
        var result = _mapping.Map(Row("E007", " 人字〔2024〕3号 ", " 关于张三同志任职的通知 ", "2024年3月5日", "永久", "", "人事处", "3", "任免；干部", "E007/任职通知.pdf;E007/考察材料.pdf"));

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal("E007-人字〔2024〕3号", result.Key);
        Assert.Equal(new Dictionary<string, string>
        {
            ["category"] = "RS",
            ["title"] = "关于张三同志任职的通知",
            ["docNumber"] = "人字〔2024〕3号",
            ["date"] = "2024-03-05",
            ["retention"] = "Y",
            ["security"] = "公开",
            ["org"] = "RSC",
            ["responsible"] = "人事处",
            ["pages"] = "3",
            ["extra.employeeId"] = "E007",
        }, result.Values.ToDictionary());
        Assert.Equal(["任免", "干部"], result.Keywords);
        Assert.Equal(["E007/任职通知.pdf", "E007/考察材料.pdf"], result.Attachments.Select(a => a.Location));
        Assert.Equal("人事管理系统", _mapping.System);
    }

    [Fact]
    public void Build_MappedExtra_LandsOnTheRecordUnderItsNameWithoutThePrefix()
    {
        var builder = new ArchiveBridge.Core.Validation.RecordBuilder(new ArchiveOptions { Fonds = "Z001" });
        var mapped = _mapping.Map(Row("E007", "人字〔2024〕3号", "关于张三同志任职的通知", "2024-03-05", "永久", "", "人事处", "3", "", ""));

        var record = builder.Build(mapped, out var problem);

        Assert.Null(problem);
        Assert.Equal([new("employeeId", "E007")], record!.Extra.ToList());
    }

    [Fact]
    public void Map_EmptyOptionalFields_AreLeftOutOfValues()
    {
        var result = _mapping.Map(Row("E008", "人字〔2024〕4号", "", "20240306", "定期10年", "内部", "人事处", "", "", ""));

        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.False(result.Values.ContainsKey("title"));
        Assert.False(result.Values.ContainsKey("pages"));
        Assert.Equal("2024-03-06", result.Values["date"]);
        Assert.Equal("内部", result.Values["security"]);
        Assert.Empty(result.Keywords);
        Assert.Empty(result.Attachments);
    }

    [Theory]
    [InlineData(4, "2024-3-5", ReasonCodes.BadDate, "date")]
    [InlineData(5, "长期", ReasonCodes.UnknownValue, "retention")]
    [InlineData(7, "人力资源部", ReasonCodes.UnknownValue, "org")]
    [InlineData(8, "三页", ReasonCodes.BadNumber, "pages")]
    [InlineData(2, "  ", ReasonCodes.MissingField, "key")]
    public void Map_BadCell_FailsWithReasonFieldAndValue(int column, string cell, string reason, string field)
    {
        string?[] values = ["E009", "人字〔2024〕5号", "题名", "2024-03-07", "永久", "", "人事处", "1", "", ""];
        values[column - 1] = cell;

        var result = _mapping.Map(Row(values));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(reason, problem.Reason);
        Assert.Equal(field, problem.Field);
        if (reason != ReasonCodes.MissingField) Assert.Equal(cell, problem.Value);
        Assert.False(string.IsNullOrEmpty(problem.MessageZh));
    }
}
