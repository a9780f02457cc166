using System.Net;
using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.Storage.Inbox;

namespace ArchiveBridge.Host.Tests.Webhooks;

/// <summary>The background processor on a running app: document and notify modes, replays, retries, quarantine.</summary>
public sealed class InboxProcessorTests
{
    [Fact]
    public async Task DocumentMode_ProcessesEachEntryOnceInArrivalOrder()
    {
        await using var host = await ServeTestHost.StartAsync();
        var processed = host.WhenProcessedAsync("oa-push", 6);

        for (var i = 1; i <= 6; i++)
        {
            var response = await host.Client.SendAsync(SignedWebhook.Standard("oa-push", SignedWebhook.Document($"OA-{i}", $"第{i}号通知"), $"msg_{i}", host.Time.GetUtcNow()));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        await processed;

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"msg_{i}"), host.Mapper.Mapped.Where(k => k!.StartsWith("msg_", StringComparison.Ordinal)));
        Assert.Equal(6, await host.CountAsync("SELECT COUNT(*) FROM records WHERE connector_id = 'oa-push'"));
        Assert.Equal(6, await host.InboxCountAsync($"SELECT COUNT(*) FROM webhook_inbox WHERE status = '{InboxStatus.Processed}'"));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM runs WHERE connector_id = 'oa-push' AND trigger <> 'webhook'"));
    }

    [Fact]
    public async Task DocumentMode_EntryProcessedAgainAfterACrash_StoresNoSecondRecord()
    {
        await using var host = await ServeTestHost.StartAsync();
        var first = host.WhenProcessedAsync("oa-push", 1);
        await host.Client.SendAsync(SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-1", "通知"), "msg_1", host.Time.GetUtcNow()));
        await first;

        // A crash between the record's commit and marking the entry: it is pending again on restart.
        await host.InboxExecuteAsync("UPDATE webhook_inbox SET status = 'pending', processed_at = NULL");
        var again = host.WhenProcessedAsync("oa-push", 1);
        host.Get<InboxSignal>().Notify();
        await again;

        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM records"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM runs WHERE connector_id = 'oa-push' AND unchanged = 1 AND created = 0"));
    }

    [Fact]
    public async Task DocumentMode_ReceiptAuditedOnceEvenWhenACrashLeftItClaimed()
    {
        await using var host = await ServeTestHost.StartAsync();
        var first = host.WhenProcessedAsync("oa-push", 1);
        await host.Client.SendAsync(SignedWebhook.Standard("oa-push", SignedWebhook.Document("OA-1", "通知"), "msg_1", host.Time.GetUtcNow()));
        await first;

        // A crash after the receipt reached the archive's chain, before the inbox marked it: claimed and pending again.
        await host.InboxExecuteAsync("UPDATE webhook_inbox SET status = 'pending', processed_at = NULL, audit = 1");
        var again = host.WhenProcessedAsync("oa-push", 1);
        host.Get<InboxSignal>().Notify();
        await again;

        var receipt = Assert.Single(await host.RowsAsync("SELECT actor, subject, details FROM audit_log WHERE action = 'webhook.received'"));
        Assert.Equal(new string?[] { "webhook", "webhook_inbox" }, receipt[..2]);
        Assert.Contains("\"webhookId\":\"msg_1\"", receipt[2]);
        Assert.Equal(2, await host.InboxCountAsync("SELECT audit FROM webhook_inbox"));
    }

    [Fact]
    public async Task DocumentMode_DocumentThatCannotBeArchived_IsQuarantinedWithItsPayloadAndTheEntryProcessed()
    {
        await using var host = await ServeTestHost.StartAsync();
        var processed = host.WhenProcessedAsync("oa-push", 1);

        await host.Client.SendAsync(SignedWebhook.Standard("oa-push", """{"编号":"OA-9","日期":"2024-06-18"}""", "msg_notitle", host.Time.GetUtcNow()));
        await processed;

        var row = Assert.Single(await host.RowsAsync("SELECT reason, field, raw_payload FROM quarantine"));
        Assert.Equal("missing_field", row[0]);
        Assert.Equal("title", row[1]);
        Assert.Contains("OA-9", row[2]);
        Assert.Equal(1, await host.InboxCountAsync($"SELECT COUNT(*) FROM webhook_inbox WHERE status = '{InboxStatus.Processed}'"));
    }

    [Fact]
    public async Task NotifyMode_NotificationRunsTheConnectorOnce()
    {
        await using var host = await ServeTestHost.StartAsync();
        var processed = host.WhenProcessedAsync("oa-api", 1);

        var response = await host.Client.SendAsync(SignedWebhook.Hub("oa-api", """{"docId":"OA-7","action":"published"}""", "evt-7"));
        await processed;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = Assert.Single(await host.RowsAsync("SELECT trigger, status, created FROM runs WHERE connector_id = 'oa-api'"));
        Assert.Equal(new string?[] { "webhook", "succeeded", "2" }, run);
    }

    [Fact]
    public async Task NotifyMode_SourceDown_RetriesWithBackoffThenQuarantinesKeepingTheBody()
    {
        await using var host = await ServeTestHost.StartAsync(inbox: """{ "maxAttempts": 2, "initialBackoff": "00:00:10" }""");
        var source = new FailingSource("oa-api");
        host.Runtimes.Use("oa-api", () => source);
        var firstFailure = host.WhenFailedAsync("oa-api", 1);

        await host.Client.SendAsync(SignedWebhook.Hub("oa-api", """{"docId":"OA-8"}""", "evt-8"));
        await firstFailure;

        var waiting = Assert.Single(await host.InboxRowsAsync("SELECT status, attempts, next_attempt_at, error FROM webhook_inbox"));
        Assert.Equal(new string?[] { "pending", "1", "2026-03-02T08:30:10.000Z" }, waiting[..3]);
        Assert.Contains("connection refused", waiting[3]);

        var secondFailure = host.WhenFailedAsync("oa-api", 1);
        // Only the clock moves: the processor waits on it for the entry's next attempt. (A notification here would say
        // "webhooks are arriving", and the processor would rest on the clock first — a wait this test never ends if
        // the notification lands while the processor is still finishing the first pass.)
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await secondFailure;

        var quarantined = Assert.Single(await host.InboxRowsAsync("SELECT status, attempts, body FROM webhook_inbox"));
        Assert.Equal(new string?[] { InboxStatus.Quarantined, "2", """{"docId":"OA-8"}""" }, quarantined);
        Assert.Equal(2, source.Reads);
    }
}
