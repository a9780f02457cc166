using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class InboxWriterTests : IAsyncLifetime
{
    private TestStore _db = null!;

    public async Task InitializeAsync() => _db = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private InboxWriter Writer(InboxOptions? options = null, InboxSignal? signal = null) =>
        new(new WebhookInboxStore(_db.Inbox, _db.Time), signal ?? new InboxSignal(), Options.Create(options ?? new InboxOptions()), NullLogger<InboxWriter>.Instance);

    private static InboxAppend Hook(int i) => new("oa-push", $"msg_{i}", $$"""{"编号":"OA-{{i}}"}""", TimeSpan.FromDays(7));

    [Fact]
    public async Task AppendAsync_QueuedTogether_CommittedInOneTransactionAndAnsweredOnlyAfterIt()
    {
        var signal = new InboxSignal();
        var writer = Writer(signal: signal);
        var answers = Enumerable.Range(1, 25).Select(i => writer.AppendAsync(Hook(i))).ToList();
        // Nothing is acknowledged before the commit.
        Assert.All(answers, a => Assert.False(a.IsCompleted));

        await writer.StartAsync(CancellationToken.None);
        var results = await Task.WhenAll(answers).WaitAsync(TestTimeouts.Hang);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(25, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal(25, (await _db.InboxRowsAsync("SELECT seq FROM webhook_inbox")).Count);
        // The 202 path writes the inbox file only: the receipt is audited in the archive when the entry is drained.
        Assert.Empty(await _db.RowsAsync("SELECT seq FROM audit_log WHERE action = 'webhook.received'"));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, _db.Time, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_GroupLargerThanMaxCommitBatch_SplitsIntoSeveralCommits()
    {
        var writer = Writer(new InboxOptions { MaxCommitBatch = 10 });
        var commits = new List<int>();
        writer.Committed += commits.Add;
        var answers = Enumerable.Range(1, 25).Select(i => writer.AppendAsync(Hook(i))).ToList();

        await writer.StartAsync(CancellationToken.None);
        await Task.WhenAll(answers).WaitAsync(TestTimeouts.Hang);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([10, 10, 5], commits);
        Assert.Equal(25, (await _db.InboxRowsAsync("SELECT seq FROM webhook_inbox")).Count);
    }

    [Fact]
    public void AppendAsync_QueueFull_ThrowsInboxUnavailable()
    {
        var writer = Writer(new InboxOptions { QueueCapacity = 2 });
        _ = writer.AppendAsync(Hook(1));
        _ = writer.AppendAsync(Hook(2));

        Assert.Throws<InboxUnavailableException>(() => { _ = writer.AppendAsync(Hook(3)); });
    }

    [Fact]
    public async Task StopAsync_CommitsWhatIsQueuedThenRefusesNewWebhooks()
    {
        var writer = Writer();
        var queued = writer.AppendAsync(Hook(1));
        await writer.StartAsync(CancellationToken.None);

        await writer.StopAsync(CancellationToken.None);

        Assert.False((await queued).Duplicate);
        var ex = Assert.Throws<InboxUnavailableException>(() => { _ = writer.AppendAsync(Hook(2)); });
        Assert.Contains("not accepting", ex.Message);
    }
}
