using ArchiveBridge.Core.Mapping;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class SourceTests
{
    private const string Document = """
        {
          "id": 42,
          "title": "关于印发《档案管理办法》的通知",
          "author": { "name": "办公室", "code": "bgs" },
          "tags": ["制度", "档案"],
          "files": [ { "url": "http://127.0.0.1/f/1.pdf", "name": "正文.pdf" }, { "url": "http://127.0.0.1/f/2.ofd" } ],
          "approvals": [ { "by": "张三" }, { "by": "李四" } ],
          "draft": null,
          "urgent": true
        }
        """;

    [Fact]
    public void Field_CjkNameInFlatRow_IsRead() =>
        Assert.Equal("2024-03-05", Eval("成文日期", ("员工编号", "E1"), ("成文日期", "2024-03-05")));

    [Fact]
    public void Field_FlatRowsWithDifferentHeaders_EachReadTheirOwnColumn()
    {
        var mapping = Single("文号");

        Assert.Equal("A", Value(mapping.Map(Row(("文号", "A"), ("题名", "x")))));
        Assert.Equal("B", Value(mapping.Map(Row(("题名", "y"), ("文号", "B")))));
        Assert.Null(Value(mapping.Map(Row(("题名", "z")))));
    }

    [Fact]
    public void NestedPath_InJson_IsRead() =>
        Assert.Equal("BGS", Value(Single("author.code | upper").Map(Json(Document))));

    [Fact]
    public void NumberAndBoolean_InJson_ReadAsText()
    {
        var mapping = MappingLoader.Parse("""{ "name": "t", "fields": { "extra.id": "id", "extra.urgent": "urgent", "extra.draft": "draft | default('no')" } }""", FileName);

        var result = mapping.Map(Json(Document));

        Assert.Equal("42", result.Values["extra.id"]);
        Assert.Equal("true", result.Values["extra.urgent"]);
        Assert.Equal("no", result.Values["extra.draft"]);
    }

    [Fact]
    public void WildcardPath_IntoKeywords_GivesEachItem()
    {
        var result = Single("approvals[*].by", "keywords").Map(Json(Document));

        Assert.Equal(["张三", "李四"], result.Keywords);
    }

    [Fact]
    public void WildcardPath_JoinedIntoScalar_IsOneText() =>
        Assert.Equal("张三、李四", Value(Single("approvals[*].by | join('、')").Map(Json(Document))));

    [Fact]
    public void IndexedPath_InJson_PicksOneItem() =>
        Assert.Equal("正文.pdf", Value(Single("files[0].name").Map(Json(Document))));

    [Fact]
    public void JsonArrayWithoutWildcard_IntoScalar_IsJoinedWithSemicolon() =>
        Assert.Equal("制度;档案", Value(Single("tags").Map(Json(Document))));

    [Fact]
    public void Template_WithPathsAndLiteralText_IsFilled() =>
        Assert.Equal("OA-42 (办公室) {x}", Value(Single("OA-{id} ({author.name}) {{x}}").Map(Json(Document))));

    [Fact]
    public void Template_ThenSteps_AppliesThem() =>
        Assert.Equal("E1-人字3号", Eval("{员工编号}-{文号} | upper", ("员工编号", "e1"), ("文号", "人字3号")));

    [Fact]
    public void Template_EmptyPartInField_LeavesAGap() =>
        Assert.Equal("E1-", Eval("{员工编号}-{文号}", ("员工编号", "E1"), ("文号", "")));

    [Fact]
    public void BacktickName_WithDotsAndBrackets_IsTakenWhole()
    {
        Assert.Equal("12.5", Eval("`金额[元]` | number", ("金额[元]", "12.50")));
        Assert.Equal("No.7-A", Eval("No.{`No.`}-{类别}", ("No.", "7"), ("类别", "A")));
        Assert.Equal("v", Value(Single("`a.b`").Map(Json("""{ "a.b": "v", "a": { "b": "nested" } }"""))));
    }

    [Fact]
    public void Map_InParallelOverRowsWithDifferentHeaders_ReadsEachRowsOwnColumns()
    {
        var mapping = MappingLoader.Parse("""{ "name": "t", "key": "{编号}", "fields": { "title": "题名 | trim", "date": "日期 | date('yyyyMMdd')" } }""", FileName);
        var records = Enumerable.Range(0, 4000).Select(i => i % 2 == 0
                ? Row(("编号", $"n{i}"), ("题名", $" t{i} "), ("日期", "20240305"))
                : Row(("日期", "20231231"), ("题名", $"t{i}"), ("编号", $"n{i}")))
            .ToArray();

        var results = new ArchiveBridge.Core.Mapping.MappingResult[records.Length];
        Parallel.For(0, records.Length, i => results[i] = mapping.Map(records[i]));

        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal($"n{i}", results[i].Key);
            Assert.Equal($"t{i}", results[i].Values["title"]);
            Assert.Equal(i % 2 == 0 ? "2024-03-05" : "2023-12-31", results[i].Values["date"]);
        }
    }

    [Fact]
    public void Literal_IsConstant() =>
        Assert.Equal("人事系统", Eval("'人事系统'", ("x", "y")));
}
