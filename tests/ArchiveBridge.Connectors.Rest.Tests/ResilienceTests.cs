using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core;
using DemoOa;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class ResilienceTests
{
    [Theory]
    [InlineData(DemoFaultKind.ServerError, 500)]
    [InlineData(DemoFaultKind.Truncated, 200)]
    [InlineData(DemoFaultKind.Abort, 0)]
    public async Task ReadAsync_TransientFaultOnFirstRequest_RetriesAndReadsEverything(DemoFaultKind fault, int firstStatus)
    {
        await using var oa = await DemoOaServer.StartAsync();
        oa.Faults.Enqueue(fault, "/api/documents");
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var records = await connector.ReadAllAsync();

        Assert.Equal(120, records.Count);
        Assert.Equal(fault, oa.ListRequests[0].Fault);
        if (firstStatus != 0) Assert.Equal(firstStatus, oa.ListRequests[0].Status);
        Assert.Equal(oa.ListRequests[0].Query, oa.ListRequests[1].Query);
        Assert.Equal(200, oa.ListRequests[1].Status);
    }

    [Fact]
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_WaitsAsLongAsTheSourceAsks()
    {
        await using var oa = await DemoOaServer.StartAsync(o => o.RetryAfterSeconds = 1);
        oa.Faults.Enqueue(DemoFaultKind.TooManyRequests, "/api/documents");
        var time = new RecordingTimeProvider();
        using var connector = TestConnectors.Create(TestSettings.For(oa), time);

        var records = await connector.ReadAllAsync();

        Assert.Equal(120, records.Count);
        Assert.Equal([429, 200], oa.ListRequests.Take(2).Select(r => r.Status));
        // The backoff would be ~10 ms (resilience.baseDelay); Retry-After: 1 made it one second.
        Assert.Contains(TimeSpan.FromSeconds(1), time.DueTimes);
    }

    [Fact]
    public async Task ReadAsync_ResponseSlowerThanAttemptTimeout_AbandonsAttemptAndRetries()
    {
        await using var oa = await DemoOaServer.StartAsync(o => o.SlowDelay = TimeSpan.FromMinutes(1));
        oa.Faults.Enqueue(DemoFaultKind.Slow, "/api/documents");
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "resilience": { "attemptTimeout": "00:00:01" } }"""));

        var records = await connector.ReadAllAsync();

        Assert.Equal(120, records.Count);
        // The abandoned attempt is recorded when the server notices the client gave up, possibly after the retry.
        var slow = await oa.Journal.WhenAsync(r => r.Fault == DemoFaultKind.Slow).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("/api/documents", slow.Path);
        Assert.Contains(oa.ListRequests, r => r.Fault is null && r.Status == 200 && r.Query == slow.Query);
    }

    [Fact]
    public async Task ReadAsync_PersistentServerError_ThrowsConnectorExceptionWithStatusAndUrl()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa,
            """{ "list": { "query": { "fault": "500" } }, "resilience": { "maxRetries": 2 } }"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Equal("oa-api", error.ConnectorId);
        Assert.Contains($"GET {oa.ApiUrl}/documents?fault=500&page=1&size=25 answered 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 retries (resilience.maxRetries)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-token", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_PersistentlyTruncatedJson_ThrowsConnectorExceptionNamingInvalidJson()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa,
            """{ "list": { "query": { "fault": "truncated" } }, "resilience": { "maxRetries": 1 } }"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/documents?fault=truncated", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_SourceKeepsFailing_CircuitBreakerOpensAndStopsCalling()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """
            { "list": { "query": { "fault": "500" } },
              "resilience": { "maxRetries": 5, "circuitBreaker": { "minimumThroughput": 2, "failureRatio": 0.5 } } }
            """));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains("circuit breaker is open", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, oa.ListRequests.Count);
    }

    [Fact]
    public async Task ReadAsync_NoServerListening_ThrowsConnectorExceptionAfterRetries()
    {
        int port;
        await using (var gone = await DemoOaServer.StartAsync()) port = gone.Port;
        var definition = TestSettings.Definition(TestSettings.Defaults($"http://127.0.0.1:{port}/api"));
        using var connector = TestConnectors.Create(definition);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains($"GET http://127.0.0.1:{port}/api/documents?page=1&size=25 failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 retries", error.Message, StringComparison.Ordinal);
    }
}
