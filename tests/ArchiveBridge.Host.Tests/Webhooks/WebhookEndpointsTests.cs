using System.Net;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.Host.Webhooks;

namespace ArchiveBridge.Host.Tests.Webhooks;

/// <summary>POST /webhooks/{connectorId} on real Kestrel: every status code of DESIGN §8, and what reaches the inbox.</summary>
public sealed class WebhookEndpointsTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServeTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTimeOffset Now => _host.Time.GetUtcNow();

    private Task<long> InboxRows() => _host.InboxCountAsync("SELECT COUNT(*) FROM webhook_inbox");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task Post_SignedDocument_Returns202WithIdOfCommittedEntry()
    {
        var body = SignedWebhook.Document("OA-1", "关于开展档案检查的通知");

        var response = await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", body, "msg_1", Now));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = JsonSerializer.Deserialize<WebhookAccepted>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        Assert.False(accepted.Duplicate);
        var row = Assert.Single(await _host.InboxRowsAsync("SELECT id, connector_id, webhook_id, body FROM webhook_inbox"));
        Assert.Equal(new string?[] { accepted.Id, "oa-push", "msg_1", body }, row);
    }

    [Fact]
    public async Task Post_SameWebhookIdTwice_ReturnsTheSameIdAndKeepsOneRow()
    {
        var body = SignedWebhook.Document("OA-2", "会议纪要");

        var first = await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", body, "msg_retry", Now));
        // The sender's retry: same id, fresh timestamp and signature.
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", body, "msg_retry", Now));

        var a = JsonSerializer.Deserialize<WebhookAccepted>(await first.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        var b = JsonSerializer.Deserialize<WebhookAccepted>(await second.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(a.Id, b.Id);
        Assert.True(b.Duplicate);
        Assert.Equal(1, await InboxRows());
    }

    [Fact]
    public async Task Post_SeveralSignaturesOneValid_Returns202()
    {
        var request = SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-3", "请示"), "msg_rotating", Now);
        var valid = request.Headers.GetValues("webhook-signature").Single();
        request.Headers.Remove("webhook-signature");
        request.Headers.TryAddWithoutValidation("webhook-signature", $"v1,b2xkLWtleS1zaWduYXR1cmU= {valid}");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownConnector_Returns404Problem()
    {
        var response = await _host.Client.SendAsync(SignedWebhook.Standard("no-such", "{}", "msg_x", Now));

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_ConnectorWithoutWebhookBlock_Returns404Problem()
    {
        var response = await _host.Client.SendAsync(SignedWebhook.Standard("hr-db", "{}", "msg_x", Now));

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Returns401AndStoresNothing()
    {
        var request = SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-4", "函"), "msg_forged", Now,
            secret: "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("an attacker's own key")));

        var problem = await ProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Unauthorized);

        Assert.Contains("webhook-signature", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await InboxRows());
    }

    [Fact]
    public async Task Post_MissingSignatureHeaders_Returns401()
    {
        var request = SignedWebhook.Post("oa-push", Encoding.UTF8.GetBytes("{}"), "application/json");

        await ProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_TimestampOutsideTolerance_Returns401()
    {
        var request = SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-5", "报告"), "msg_old", Now.AddMinutes(-6));

        var problem = await ProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.Unauthorized);

        Assert.Contains("webhook-timestamp", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await InboxRows());
    }

    [Fact]
    public async Task Post_NotJson_Returns400WithLineAndPosition()
    {
        var request = SignedWebhook.Standard("oa-push", "{\"题名\": \"通知\",\n  \"日期\": }", "msg_bad", Now);

        var problem = await ProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.True(problem.GetProperty("position").GetInt64() > 1);
        Assert.Contains("invalid JSON at line 2", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await InboxRows());
    }

    [Fact]
    public async Task Post_JsonArrayToDocumentConnector_Returns400()
    {
        var problem = await ProblemAsync(await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", "[1,2]", "msg_arr", Now)), HttpStatusCode.BadRequest);

        Assert.Contains("one JSON object, not Array", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_TextPlain_Returns415()
    {
        var request = SignedWebhook.Standard("oa-push", "{}", "msg_text", Now, contentType: "text/plain");

        var problem = await ProblemAsync(await _host.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text/plain", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        var large = SignedWebhook.Document("OA-6", new string('档', 1000)); // 3 bytes each in UTF-8: over the 2048-byte limit

        var problem = await ProblemAsync(await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", large, "msg_big", Now)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2048 bytes", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await InboxRows());
    }

    [Fact]
    public async Task Post_HubSignedNotification_Returns202()
    {
        var response = await _host.Client.SendAsync(SignedWebhook.Hub("oa-api", """{"docId":"OA-7"}""", "evt-7"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("evt-7", (await _host.InboxRowsAsync("SELECT webhook_id FROM webhook_inbox WHERE connector_id = 'oa-api'"))[0][0]);
    }

    [Fact]
    public async Task Post_HubSignatureWrong_Returns401()
    {
        var response = await _host.Client.SendAsync(SignedWebhook.Hub("oa-api", """{"docId":"OA-8"}""", secret: "wrong"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ManyConcurrently_AllAcceptedEachStoredOnce()
    {
        const int n = 40;
        var processed = _host.WhenProcessedAsync("oa-push", n);

        var responses = await Task.WhenAll(Enumerable.Range(1, n).Select(i =>
            _host.Client.SendAsync(SignedWebhook.Standard("oa-push", SignedWebhook.Document($"OA-C{i}", $"并发文件{i}"), $"msg_c{i}", Now))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => JsonSerializer.Deserialize<WebhookAccepted>(await r.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!.Id));
        Assert.Equal(n, ids.Distinct().Count());
        Assert.Equal(n, await InboxRows());
        // Each drain pass audited the receipts it took; together the archive's chain lists every webhook once.
        await processed;
        var listed = (await _host.RowsAsync("SELECT details FROM audit_log WHERE action = 'webhook.received'"))
            .SelectMany(r => JsonSerializer.Deserialize<JsonElement>(r[0]!).GetProperty("entries").EnumerateArray())
            .Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_WhileAnArchivingTransactionHoldsTheArchiveWriteLock_IsAcceptedAnyway()
    {
        // The inbox has its own file: a 202 never waits for the archive's write lock (held seconds by big batches).
        await using var archive = new Microsoft.Data.Sqlite.SqliteConnection(_host.Store.ConnectionString);
        await archive.OpenAsync();
        await using var locked = await archive.BeginTransactionAsync();

        var response = await _host.Client.SendAsync(SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-L", "锁"), "msg_locked", Now))
            .WaitAsync(TestTimeouts.Hang);
        await locked.RollbackAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await InboxRows());
    }
}
