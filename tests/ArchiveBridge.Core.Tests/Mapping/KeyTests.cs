using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class KeyTests
{
    private static readonly CompiledMapping KeyedMapping =
        MappingLoader.Parse("""{ "name": "t", "key": "{员工编号}-{文号}", "fields": { "title": "题名" } }""", FileName);

    [Fact]
    public void Key_Template_IsBuiltFromFields()
    {
        var result = KeyedMapping.Map(Row(("员工编号", "E007"), ("文号", "人字〔2024〕3号"), ("题名", "任免通知")));

        Assert.Equal("E007-人字〔2024〕3号", result.Key);
    }

    [Fact]
    public void Key_TemplateWithEmptyPart_FailsWithMissingFieldNamingThePart()
    {
        var result = KeyedMapping.Map(Row(("员工编号", "E007"), ("文号", ""), ("题名", "任免通知")));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(ReasonCodes.MissingField, problem.Reason);
        Assert.Equal("key", problem.Field);
        Assert.Contains("'文号'", problem.Message);
        Assert.Contains("{员工编号}-{文号}", problem.Message);
        Assert.Contains("文号", problem.MessageZh);
    }

    [Fact]
    public void Key_NotInMapping_IsTheSourceKey() =>
        Assert.Equal("k1", Single("题名").Map(Row(("题名", "x"))).Key);

    [Fact]
    public void Key_NeitherMappedNorGivenBySource_FailsWithMissingField()
    {
        var record = new SourceRecord(new FlatSourceFields(new FieldHeader(["题名"]), ["x"]));

        var result = Single("题名").Map(record);

        Assert.Equal(ReasonCodes.MissingField, result.Problem?.Reason);
        Assert.Equal("key", result.Problem?.Field);
    }

    [Fact]
    public void Key_ExpressionThatEndsEmpty_FailsWithMissingField()
    {
        var mapping = MappingLoader.Parse("""{ "name": "t", "key": "编号 | trim", "fields": { "title": "题名" } }""", FileName);

        var result = mapping.Map(Row(("编号", "  "), ("题名", "x")));

        Assert.Equal(ReasonCodes.MissingField, result.Problem?.Reason);
        Assert.Equal("key", result.Problem?.Field);
    }

    [Fact]
    public void Map_RecordTheConnectorFlagged_KeepsTheConnectorsProblem()
    {
        var flagged = new RecordProblem(ReasonCodes.MalformedRow, "row 7 has 3 cells, the header 5");
        var record = new SourceRecord(new FlatSourceFields(new FieldHeader(["题名"]), ["x"])) { SourceKey = "k", Problem = flagged };

        Assert.Same(flagged, Single("题名").Map(record).Problem);
    }
}
