using ArchiveBridge.Core.Quarantine;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class DateFunctionTests
{
    private const string FourStyles = "成文日期 | date('yyyy-MM-dd', 'yyyy/M/d', 'yyyy年M月d日', 'yyyyMMdd')";

    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024/3/5")]
    [InlineData("2024/03/05")]
    [InlineData("2024年3月5日")]
    [InlineData("20240305")]
    [InlineData(" 2024年3月5日 ")]
    [InlineData("２０２４年３月５日")]
    public void Date_FourChineseStyles_GiveIsoDate(string input) =>
        Assert.Equal("2024-03-05", Eval(FourStyles, ("成文日期", input)));

    [Theory]
    [InlineData("2024-03-05T09:30:00")]
    [InlineData("2024-03-05T23:30:00Z")]
    [InlineData("2024-03-05 09:30")]
    [InlineData("2024-03-05T09:30:00.1234567+08:00")]
    [InlineData("2024-03-05")]
    public void Date_Iso_TakesTheDateAsWritten(string input) =>
        Assert.Equal("2024-03-05", Eval("updatedAt | date('iso')", ("updatedAt", input)));

    [Fact]
    public void Date_WithoutArguments_IsIso() =>
        Assert.Equal("2024-12-31", Eval("d | date", ("d", "2024-12-31T08:00:00+08:00")));

    [Fact]
    public void Date_FullFormatWithTime_ChecksTheTimeAndDropsIt() =>
        Assert.Equal("2024-03-05", Eval("d | date('yyyy/MM/dd HH:mm:ss')", ("d", "2024/03/05 17:45:09")));

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024/3/5 10:00")]
    [InlineData("5 March 2024")]
    [InlineData("2024年3月")]
    public void Date_NoFormatMatches_FailsWithBadDate(string input)
    {
        var result = Single(FourStyles, "date").Map(Row(("成文日期", input)));

        var problem = Assert.IsType<RecordProblem>(result.Problem);
        Assert.Equal(ReasonCodes.BadDate, problem.Reason);
        Assert.Equal("date", problem.Field);
        Assert.Equal(input, problem.Value);
        Assert.Contains("yyyy年M月d日", problem.Message);
        Assert.Contains(input, problem.MessageZh);
    }

    [Fact]
    public void Date_TimeOutOfRange_FailsWithBadDate()
    {
        var result = Single("d | date('yyyy-MM-dd HH:mm')", "date").Map(Row(("d", "2024-03-05 25:00")));

        Assert.Equal(ReasonCodes.BadDate, result.Problem?.Reason);
    }

    [Fact]
    public void Date_LeapDay_IsAccepted() =>
        Assert.Equal("2024-02-29", Eval("d | date('yyyyMMdd')", ("d", "20240229")));

    [Fact]
    public void Date_EmptyValue_StaysEmptyWithoutProblem() =>
        Assert.Null(Eval(FourStyles, ("成文日期", "")));

    [Theory]
    [InlineData("2024-03-05", "2024")]
    [InlineData("1987-11-30T10:00:00", "1987")]
    [InlineData("2024", "2024")]
    [InlineData("0999-01-01", "0999")]
    public void Year_OfIsoDate_IsFourDigits(string input, string expected) =>
        Assert.Equal(expected, Eval("d | year", ("d", input)));

    [Fact]
    public void Year_AfterDate_ConvertsChineseDates() =>
        Assert.Equal("2023", Eval("成文日期 | date('yyyy年M月d日') | year", ("成文日期", "2023年12月1日")));

    [Fact]
    public void Year_OfNonIsoText_FailsWithBadDate()
    {
        var result = Single("d | year", "year").Map(Row(("d", "2024年3月5日")));

        Assert.Equal(ReasonCodes.BadDate, result.Problem?.Reason);
        Assert.Equal("year", result.Problem?.Field);
        Assert.Equal("2024年3月5日", result.Problem?.Value);
    }
}
