using ArchiveBridge.Connectors.Database.Internal;

namespace ArchiveBridge.Connectors.Database.Tests.Internal;

public class CheckpointTests
{
    [Fact]
    public void Encode_ThenTryDecode_RoundTripsTypesAndSeenRows()
    {
        var checkpoint = new DatabaseCheckpoint("updated_at", "voucher_id",
            TypedValue.From(new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Unspecified)), TypedValue.From(17L), [1UL, ulong.MaxValue]);

        var decoded = DatabaseCheckpoint.TryDecode(checkpoint.Encode());

        Assert.NotNull(decoded);
        Assert.Equal(checkpoint.Watermark, decoded.Watermark);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)decoded.Watermark.ToParameter()).Kind);
        Assert.Equal(17L, decoded.Key.ToParameter());
        Assert.Equal([1UL, ulong.MaxValue], decoded.Seen);
        Assert.Contains("\"watermark\":\"updated_at\"", checkpoint.Encode());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("line:42")]
    [InlineData("{\"v\":2}")]
    [InlineData("{\"v\":1,\"watermark\":\"w\",\"key\":\"k\",\"w\":\"x:1\",\"k\":\"i:1\"}")]
    [InlineData("{\"v\":1,\"watermark\":\"w\",\"key\":\"k\",\"w\":\"i:abc\",\"k\":\"i:1\"}")]
    public void TryDecode_NotOurs_ReturnsNull(string text) => Assert.Null(DatabaseCheckpoint.TryDecode(text));

    [Theory]
    [InlineData("2024-03-01 09:03:00", "2024-03-01 08:58:00")]
    [InlineData("2024-03-01T00:02:00", "2024-02-29T23:57:00")]
    [InlineData("2024-03-01 09:03:00.250", "2024-03-01 08:58:00.25")]
    [InlineData("2024-03-01T09:03:00+08:00", "2024-03-01T08:58:00+08:00")]
    [InlineData("2024-03-01T09:03:00Z", "2024-03-01T08:58:00Z")]
    public void Minus_TextTime_KeepsTheStoredFormat(string stored, string expected)
    {
        Assert.Equal(expected, TypedValue.From(stored).Minus(TimeSpan.FromMinutes(5)).Text);
    }

    [Fact]
    public void IsTime_OnlyForDateTimes()
    {
        Assert.True(TypedValue.From(DateTimeOffset.UnixEpoch).IsTime);
        Assert.True(TypedValue.From("2024-03-01").IsTime);
        Assert.False(TypedValue.From(42L).IsTime);
        Assert.False(TypedValue.From("记字第01号").IsTime);
    }

    [Fact]
    public void SeenWindow_DropsRowsOlderThanTheOverlapAndPastCapacity()
    {
        var window = new SeenWindow(TimeSpan.FromMinutes(5), capacity: 3);
        var t0 = new DateTime(2024, 3, 1, 9, 0, 0);

        window.Add(t0, 1);
        window.Add(t0.AddMinutes(1), 2);
        window.Add(t0.AddMinutes(6), 3);
        Assert.Equal([2UL, 3UL], window.Snapshot());

        window.Add(t0.AddMinutes(6), 4);
        window.Add(t0.AddMinutes(6), 5);
        Assert.Equal([3UL, 4UL, 5UL], window.Snapshot());
    }
}
