using ArchiveBridge.Core;
using ArchiveBridge.Host.Reports;

namespace ArchiveBridge.Host.Tests.Reports;

public class PeriodArgumentTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST");

    [Fact]
    public void Parse_Day_StartOfThatDayInTheZone()
    {
        var from = PeriodArgument.Parse("2026-03-01", isEnd: false, Beijing, "--from");

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), from.ToUniversalTime());
    }

    [Fact]
    public void Parse_DayAsEnd_IncludesThatDay()
    {
        var to = PeriodArgument.Parse("2026-03-31", isEnd: true, Beijing, "--to");

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), to);
    }

    [Fact]
    public void Parse_IsoTimeWithOffset_Exact()
    {
        var at = PeriodArgument.Parse("2026-03-01T08:30:00+08:00", isEnd: true, TimeZoneInfo.Utc, "--to");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void Parse_NotADate_ErrorNamesOptionAndValue()
    {
        var ex = Assert.Throws<ArchiveBridgeException>(() => PeriodArgument.Parse("March", isEnd: false, Beijing, "--from"));

        Assert.Equal("--from: 'March' is not a day (yyyy-MM-dd) or an ISO 8601 time (2026-03-01T08:00:00+08:00)", ex.Message);
    }

    [Fact]
    public void ParsePeriod_StartNotBeforeEnd_Throws()
    {
        var ex = Assert.Throws<ArchiveBridgeException>(() => PeriodArgument.ParsePeriod("2026-03-02", "2026-03-01", Beijing));

        Assert.Equal("--from 2026-03-02 is not before --to 2026-03-01", ex.Message);
    }
}
