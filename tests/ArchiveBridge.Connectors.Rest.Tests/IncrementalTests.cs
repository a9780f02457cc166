using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class IncrementalTests
{
    private const string Incremental = """{ "incremental": { "field": "updatedAt", "param": "updatedSince", "overlap": "00:05:00" } }""";

    private static IEnumerable<string> Ids(int from, int to) => Enumerable.Range(from, to - from + 1).Select(n => $"OA2024-{n:0000}");

    [Fact]
    public async Task ReadAsync_RecordsEditedMidSync_NeitherLostNorRepeated()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, Incremental));
        var seen = new List<(string? Key, string? UpdatedAt, string? Title)>();

        await foreach (var record in connector.ReadAsync(new() { RunId = "t" }, CancellationToken.None))
        {
            seen.Add((record.SourceKey, record.Field("updatedAt"), record.Field("title")));
            if (seen.Count == 30)
            {
                // Edited while the sync runs: one not read yet (its page would shift), one already read (a new version).
                oa.Store.Touch("OA2024-0050", "关于召开年度工作会议的通知（改）");
                oa.Store.Touch("OA2024-0010");
            }
        }

        string[] expected = [.. Ids(1, 49), .. Ids(51, 120), "OA2024-0050", "OA2024-0010"];
        Assert.Equal(expected, seen.Select(s => s.Key));
        Assert.Equal("关于召开年度工作会议的通知（改）", seen[^2].Title);
        Assert.Equal(seen.Count, seen.Select(s => (s.Key, s.UpdatedAt)).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_FromCheckpointInsideATie_ResumesAfterExactlyThatRecord()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var first = TestConnectors.Create(TestSettings.For(oa, Incremental));
        // OA2024-0049, -0050 and -0051 share one updatedAt: the key breaks the tie.
        var checkpoint = (await first.ReadAllAsync(limit: 50))[^1].Position;
        var requestsBefore = oa.ListRequests.Count;

        using var second = TestConnectors.Create(TestSettings.For(oa, Incremental));
        var records = await second.ReadAllAsync(checkpoint);

        Assert.Equal(Ids(51, 120), records.Select(r => r.SourceKey));
        // Asked again from the checkpoint's watermark minus the 5-minute overlap.
        Assert.Contains("updatedSince=2024-06-01T17:25:00+08:00", Uri.UnescapeDataString(oa.ListRequests[requestsBefore].Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FullRun_IgnoresCheckpoint()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, Incremental));
        var checkpoint = (await connector.ReadAllAsync())[^1].Position;

        var records = await connector.ReadAllAsync(checkpoint, full: true);

        Assert.Equal(120, records.Count);
    }

    [Fact]
    public async Task ReadAsync_AtLatestCheckpoint_ReadsNothingNew()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, Incremental));
        var checkpoint = (await connector.ReadAllAsync())[^1].Position;
        oa.Store.Touch("OA2024-0007");

        var records = await connector.ReadAllAsync(checkpoint);

        Assert.Equal(["OA2024-0007"], records.Select(r => r.SourceKey));
    }

    [Fact]
    public async Task ReadAsync_Incremental_PositionAndChangeTokenComeFromWatermarkAndKey()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, Incremental));

        var record = (await connector.ReadAllAsync(limit: 1)).Single();

        Assert.Equal("""{"v":"2024-01-09T17:30:00+08:00","k":"OA2024-0001"}""", record.Position);
        Assert.Equal("2024-01-09T17:30:00+08:00", record.ChangeToken);
        Assert.Equal(1, record.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_CheckpointNotWrittenByThisConnector_ThrowsConnectorException()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, Incremental));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync("line 42"));

        Assert.Contains("'line 42' is not a REST position", error.Message, StringComparison.Ordinal);
        Assert.Empty(oa.ListRequests);
    }

    [Fact]
    public async Task ReadAsync_WithoutIncremental_RecordsCarryNoPosition()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var record = (await connector.ReadAllAsync(limit: 1)).Single();

        Assert.Null(record.Position);
        Assert.StartsWith("sha256:", record.ChangeToken, StringComparison.Ordinal);
    }
}
