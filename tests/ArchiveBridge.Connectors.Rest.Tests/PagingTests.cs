using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core;
using DemoOa;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class PagingTests
{
    private static readonly string[] AllIds = [.. Enumerable.Range(1, 120).Select(n => $"OA2024-{n:0000}")];

    [Fact]
    public async Task ReadAsync_PageStyleWithoutTotal_ReadsAllAndStopsOnEmptyPage()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        // 120 items in pages of 25: five pages, then the empty sixth one that says "done".
        Assert.Equal(6, oa.ListRequests.Count);
        Assert.Contains("page=6", oa.ListRequests[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PageStyleWithTotal_StopsWhenTotalReached()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "paging": { "totalPath": "data.total" } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        Assert.Equal(5, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_OffsetStyle_ReadsAllWithOffsetAndLimit()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "paging": { "style": "offset", "size": 50 } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        Assert.Equal(["?offset=0&limit=50", "?offset=50&limit=50", "?offset=100&limit=50", "?offset=120&limit=50"],
            oa.ListRequests.Select(r => r.Query));
    }

    [Fact]
    public async Task ReadAsync_CursorStyle_FollowsCursorUntilNoneIsGiven()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa,
            """{ "paging": { "style": "cursor", "size": 40, "cursorPath": "data.nextCursor" } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        Assert.Equal(3, oa.ListRequests.Count);
        Assert.DoesNotContain("cursor", oa.ListRequests[0].Query, StringComparison.Ordinal);
        Assert.All(oa.ListRequests.Skip(1), r => Assert.Contains("cursor=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_LinkStyleFromBody_FollowsNextUrl()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "paging": { "style": "link", "size": 50, "nextPath": "links.next" } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        Assert.Equal(3, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_LinkStyleFromHeaderWithBareArray_FollowsLinkHeader()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa,
            """{ "list": { "items": "", "query": { "shape": "array" } }, "paging": { "style": "link", "size": 50 } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(AllIds, records.Select(r => r.SourceKey));
        Assert.Equal(3, oa.ListRequests.Count);
        Assert.All(oa.ListRequests, r => Assert.Contains("shape=array", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ItemInsertedAtFrontWhilePaging_LosesAndRepeatsNoRecord()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));
        var seen = new List<string?>();

        await foreach (var record in connector.ReadAsync(new() { RunId = "t" }, CancellationToken.None))
        {
            seen.Add(record.SourceKey);
            // After the first page, a back-dated document appears at the front: every later page shifts by one.
            if (seen.Count == 25)
                oa.Store.Put(DemoDocuments.Create(500) with { Id = "OA2023-0001", UpdatedAt = DemoDocuments.FirstUpdate.AddYears(-1) });
        }

        Assert.Equal(AllIds, seen);
    }

    [Fact]
    public async Task ReadAsync_NextLinkOutsideBaseUrl_ThrowsWithoutFollowingIt()
    {
        await using var oa = await DemoOaServer.StartAsync();
        // A document's attachment list read as a "page" whose next link points at a file outside /api.
        using var connector = TestConnectors.Create(TestSettings.For(oa, """
            { "list": { "path": "/documents/OA2024-0004", "items": "attachments" }, "key": "name",
              "paging": { "style": "link", "nextPath": "attachments[1].url" } }
            """));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains($"the next-page link {oa.Url}/files/", error.Message, StringComparison.Ordinal);
        Assert.Contains($"leaves baseUrl {oa.ApiUrl}", error.Message, StringComparison.Ordinal);
        Assert.Empty(oa.Journal.For("/files/"));
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanMaxPages_ThrowsConnectorException()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "paging": { "size": 10, "maxPages": 3 } }"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains("paging.maxPages (3)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_WithLimit_StopsAfterLimitRecords()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var records = await connector.ReadAllAsync(limit: 30);

        Assert.Equal(AllIds.Take(30), records.Select(r => r.SourceKey));
        Assert.Equal(2, oa.ListRequests.Count);
    }
}
