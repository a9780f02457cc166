using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class TextFunctionTests
{
    [Fact]
    public void Trim_CjkFieldWithFullWidthSpaces_RemovesThem() =>
        Assert.Equal("关于任免的通知", Eval("文件题名 | trim", ("文件题名", "\u3000 关于任免的通知 \t")));

    [Fact]
    public void UpperAndLower_Ascii_ChangeCaseInvariantly()
    {
        Assert.Equal("RSC-01", Eval("部门代码 | upper", ("部门代码", "rsc-01")));
        Assert.Equal("rsc-01", Eval("部门代码 | lower", ("部门代码", "RSC-01")));
    }

    [Fact]
    public void Replace_FullWidthBrackets_AreReplacedEverywhere() =>
        Assert.Equal("人字[2024]3号", Eval("文号 | replace('〔', '[') | replace('〕', ']')", ("文号", "人字〔2024〕3号")));

    [Theory]
    [InlineData("substr(0, 4)", "2024年3月5日", "2024")]
    [InlineData("substr(5)", "2024年3月5日", "3月5日")]
    [InlineData("substr(2, 100)", "人事处", "处")]
    [InlineData("substr(10, 2)", "人事处", null)]
    [InlineData("substr(1, 1)", "𠮷野家", "野")]
    public void Substr_Bounds_ClampAndCountCharacters(string step, string input, string? expected) =>
        Assert.Equal(expected, Eval($"值 | {step}", ("值", input)));

    [Theory]
    [InlineData(@"regex('(\d+)页')", "共12页", "12")]
    [InlineData(@"regex('\d+')", "共12页", "12")]
    [InlineData(@"regex('(?<y>\d{4})年', 'y')", "2024年度", "2024")]
    [InlineData(@"regex('([A-Z]+)-(\d+)', 2)", "RSC-0042", "0042")]
    [InlineData(@"regex('([A-Z]+)-(\d+)', 0)", "x RSC-0042 y", "RSC-0042")]
    [InlineData(@"regex('(\d+)页')", "无页码", null)]
    public void Regex_Pattern_ReturnsGroupOrEmpty(string step, string input, string? expected) =>
        Assert.Equal(expected, Eval($"值 | {step}", ("值", input)));

    [Fact]
    public void Regex_CatastrophicBacktracking_FailsTheRecordWithBadFormat()
    {
        var input = new string('a', 40) + "!";

        var result = Single("值 | regex('(a+)+$')", "notes").Map(Row(("值", input)));

        Assert.Equal(ArchiveBridge.Core.Quarantine.ReasonCodes.BadFormat, result.Problem?.Reason);
        Assert.Equal("notes", result.Problem?.Field);
        Assert.Equal(input, result.Problem?.Value);
    }

    [Fact]
    public void Regex_QuoteInPattern_IsWrittenDoubled() =>
        Assert.Equal("it's", Eval("值 | regex('(\\w+''s)')", ("值", "so it's fine")));

    [Fact]
    public void SplitThenJoin_MixedSeparators_NormalisesTheList() =>
        Assert.Equal("人事;任免;干部", Eval("主题词 | split(';', '；', '，') | join(';')", ("主题词", "人事； 任免，干部;;")));

    [Fact]
    public void Split_IntoKeywords_GivesTrimmedList()
    {
        var result = Single("主题词 | split(' ')", "keywords").Map(Row(("主题词", " 人事  任免 干部 ")));

        Assert.True(result.Succeeded);
        Assert.Equal(["人事", "任免", "干部"], result.Keywords);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void StringFunctions_OverAList_MapEachItem()
    {
        var result = Single("主题词 | split(',') | upper | replace('A', '4')", "keywords").Map(Row(("主题词", "ab,ca,b")));

        Assert.Equal(["4B", "C4", "B"], result.Keywords);
    }

    [Fact]
    public void First_OfAList_IsTheFirstItem() =>
        Assert.Equal("张三", Eval("责任者 | split('、') | first", ("责任者", "张三、李四")));

    [Fact]
    public void Literal_WithDoubledQuote_IsOneQuote() =>
        Assert.Equal("O'Neil", Eval("'O''Neil'", ("x", "ignored")));

    [Fact]
    public void Functions_OnEmptyValue_LeaveItEmpty() =>
        Assert.Null(Eval("值 | trim | upper | substr(1) | regex('x') | split(';') | join(',')", ("值", "")));
}
