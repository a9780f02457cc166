using System.Globalization;
using ArchiveBridge.Core;

namespace ArchiveBridge.Host.Reports;

/// <summary>
/// Reads the <c>--from</c>/<c>--to</c> values of <c>report</c> and <c>audit export</c>: a calendar day
/// (<c>2026-03-01</c>, a whole day in the machine's time zone, so <c>--to</c> includes the day it names) or an
/// exact ISO 8601 time with offset (<c>2026-03-01T08:00:00+08:00</c>). Periods are [from, to).
/// </summary>
public static class PeriodArgument
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"];

    /// <summary>The moment <paramref name="text"/> names; a day is its start, or with <paramref name="isEnd"/> the next day's start.</summary>
    public static DateTimeOffset Parse(string text, bool isEnd, TimeZoneInfo zone, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        if (DateOnly.TryParseExact(text.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = (isEnd ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var moment) && text.Contains('T', StringComparison.Ordinal))
            return moment;
        throw new ArchiveBridgeException($"{option}: '{text}' is not a day (yyyy-MM-dd) or an ISO 8601 time (2026-03-01T08:00:00+08:00)");
    }

    /// <summary>Both ends, either optional; throws when the start is not before the end.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ParsePeriod(string? from, string? to, TimeZoneInfo zone)
    {
        var start = from is null ? (DateTimeOffset?)null : Parse(from, isEnd: false, zone, "--from");
        var end = to is null ? (DateTimeOffset?)null : Parse(to, isEnd: true, zone, "--to");
        if (start is { } s && end is { } e && s >= e)
            throw new ArchiveBridgeException($"--from {from} is not before --to {to}");
        return (start, end);
    }
}
