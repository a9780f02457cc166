using ArchiveBridge.Core.Quarantine;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class NumberFunctionTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData("007", "7")]
    [InlineData(" 1,234 ", "1234")]
    [InlineData("1,234.50", "1234.5")]
    [InlineData("-0.250", "-0.25")]
    [InlineData("+3.0", "3")]
    [InlineData(".5", "0.5")]
    [InlineData("-0", "0")]
    [InlineData("１２", "12")]
    [InlineData("123456789012345678901234567890.1", "123456789012345678901234567890.1")]
    public void Number_Text_IsInvariantCanonical(string input, string expected) =>
        Assert.Equal(expected, Eval("页数 | number", ("页数", input)));

    [Theory]
    [InlineData("12页")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1,")]
    [InlineData("-")]
    [InlineData("1e3")]
    public void Number_NotANumber_FailsWithBadNumber(string input)
    {
        var result = Single("页数 | number", "pages").Map(Row(("页数", input)));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(ReasonCodes.BadNumber, problem.Reason);
        Assert.Equal("pages", problem.Field);
        Assert.Equal(input, problem.Value);
        Assert.Contains("不是有效数字", problem.MessageZh);
    }

    [Fact]
    public void Number_AfterRegex_ExtractsPageCount() =>
        Assert.Equal("12", Eval(@"页数 | regex('(\d+)') | number", ("页数", "共 012 页")));
}
