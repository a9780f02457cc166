using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.Storage.Inbox;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class WebhookInboxStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private TestStore _db = null!;
    private WebhookInboxStore _inbox = null!;

    public async Task InitializeAsync()
    {
        _db = await TestStore.CreateAsync();
        _inbox = new WebhookInboxStore(_db.Inbox, _db.Time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static InboxAppend Hook(string id, string body = """{"题名":"通知"}""", string connector = "oa-push") => new(connector, id, body, Week);

    [Fact]
    public async Task AppendAsync_SameWebhookIdTwiceInOneGroup_OneRowAndTheSameId()
    {
        var results = await _inbox.AppendAsync([Hook("msg_1"), Hook("msg_1")], CancellationToken.None);

        Assert.Equal(results[0].Id, results[1].Id);
        Assert.Equal((false, true), (results[0].Duplicate, results[1].Duplicate));
        Assert.Single(await _db.InboxRowsAsync("SELECT seq FROM webhook_inbox"));
    }

    [Fact]
    public async Task AppendAsync_SameWebhookIdForAnotherConnector_IsAnotherEntry()
    {
        var results = await _inbox.AppendAsync([Hook("msg_1"), Hook("msg_1", connector: "hr-push")], CancellationToken.None);

        Assert.NotEqual(results[0].Id, results[1].Id);
        Assert.Equal(2, (await _db.InboxRowsAsync("SELECT seq FROM webhook_inbox")).Count);
    }

    [Fact]
    public async Task AppendAsync_RepeatAfterReplayWindowOfProcessedEntry_IsANewEntry()
    {
        var first = (await _inbox.AppendAsync([Hook("msg_1")], CancellationToken.None))[0];
        var entry = Assert.Single(await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None));
        await _inbox.MarkProcessedAsync([entry.Seq], CancellationToken.None);
        _db.Time.Advance(Week + TimeSpan.FromMinutes(1));

        var again = (await _inbox.AppendAsync([Hook("msg_1", """{"题名":"新通知"}""")], CancellationToken.None))[0];

        Assert.False(again.Duplicate);
        Assert.NotEqual(first.Id, again.Id);
        var row = Assert.Single(await _db.InboxRowsAsync("SELECT id, status, body FROM webhook_inbox"));
        Assert.Equal(new string?[] { again.Id, InboxStatus.Pending, """{"题名":"新通知"}""" }, row);
    }

    [Fact]
    public async Task AppendAsync_RepeatAfterReplayWindowOfPendingEntry_KeepsTheHeldEntry()
    {
        // An entry not yet processed is never replaced: its body would be lost.
        var first = (await _inbox.AppendAsync([Hook("msg_1")], CancellationToken.None))[0];
        _db.Time.Advance(Week * 2);

        var again = (await _inbox.AppendAsync([Hook("msg_1", """{"题名":"别的"}""")], CancellationToken.None))[0];

        Assert.Equal((first.Id, true), (again.Id, again.Duplicate));
        Assert.Equal("""{"题名":"通知"}""", (await _db.InboxRowsAsync("SELECT body FROM webhook_inbox"))[0][0]);
    }

    [Fact]
    public async Task LoadPendingAsync_ReturnsOnlyTheConnectorsPendingEntriesInArrivalOrder()
    {
        await _inbox.AppendAsync([Hook("a"), Hook("x", connector: "other"), Hook("b"), Hook("c")], CancellationToken.None);
        var all = await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None);
        await _inbox.MarkProcessedAsync([all[1].Seq], CancellationToken.None);

        var pending = await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None);

        Assert.Equal(["a", "c"], pending.Select(e => e.WebhookId));
    }

    [Fact]
    public async Task RecordFailureAsync_WithRetryTime_CountsAttemptAndWaits()
    {
        await _inbox.AppendAsync([Hook("msg_1")], CancellationToken.None);
        var seq = (await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None))[0].Seq;
        var retryAt = _db.Time.GetUtcNow().AddSeconds(10);

        await _inbox.RecordFailureAsync([seq], "store busy", retryAt, CancellationToken.None);

        var entry = Assert.Single(await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None));
        Assert.Equal((1, retryAt), (entry.Attempts, entry.NextAttemptAt));
        Assert.False(entry.IsDue(_db.Time.GetUtcNow()));
    }

    [Fact]
    public async Task RecordFailureAsync_LastAttempt_QuarantinesKeepingBodyAndError()
    {
        await _inbox.AppendAsync([Hook("msg_1")], CancellationToken.None);
        var seq = (await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None))[0].Seq;

        await _inbox.RecordFailureAsync([seq], "connection refused", null, CancellationToken.None);

        Assert.Empty(await _inbox.LoadPendingAsync("oa-push", 10, CancellationToken.None));
        var row = Assert.Single(await _db.InboxRowsAsync("SELECT status, attempts, error, body FROM webhook_inbox"));
        Assert.Equal(new string?[] { InboxStatus.Quarantined, "1", "connection refused", """{"题名":"通知"}""" }, row);
    }
}
