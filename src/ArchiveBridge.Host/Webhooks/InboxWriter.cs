using System.Threading.Channels;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// Group commit for the webhook inbox: requests queue their webhook, ONE writer commits everything queued in one
/// transaction (one fsync for many webhooks), then completes each request, which only then answers 202. While
/// a commit is on disk the next group gathers, so throughput grows with load instead of fsyncs per request.
/// </summary>
public sealed class InboxWriter : IHostedService
{
    private readonly Channel<Pending> _queue;
    private readonly WebhookInboxStore _store;
    private readonly InboxSignal _signal;
    private readonly InboxOptions _options;
    private readonly ILogger<InboxWriter> _logger;
    private Task? _loop;

    public InboxWriter(WebhookInboxStore store, InboxSignal signal, IOptions<InboxOptions> options, ILogger<InboxWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _signal = signal;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Raised after each group commit with the number of webhooks it held (diagnostics, benchmarks and tests).</summary>
    public event Action<int>? Committed;

    /// <summary>
    /// Queues <paramref name="item"/> and completes once it is committed (or was already held). Throws
    /// <see cref="InboxUnavailableException"/> when the queue is full or serve is stopping; the commit's
    /// exception when the store failed.
    /// </summary>
    public Task<InboxAppendResult> AppendAsync(InboxAppend item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var pending = new Pending(item);
        if (!_queue.Writer.TryWrite(pending))
            throw new InboxUnavailableException(_loop is null || _queue.Reader.Completion.IsCompleted ? "serve is not accepting webhooks (starting or stopping)" : "the webhook inbox is full");
        return pending.Completion.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Its own thread: SQLite's commit and fsync block the calling thread (the driver's async API is synchronous
        // underneath), and on a small server a pool thread stuck in fsync is one less for the requests.
        var loop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                WriteLoop();
                loop.TrySetResult();
            }
            catch (Exception ex)
            {
                loop.TrySetException(ex);
            }
        })
        { IsBackground = true, Name = "inbox group commit" };
        _loop = loop.Task;
        thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>Stops taking webhooks and commits what is queued (the server has stopped sending by now).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void WriteLoop()
    {
        var group = new List<Pending>(_options.MaxCommitBatch);
        var items = new List<InboxAppend>(_options.MaxCommitBatch);
        while (WaitToRead())
        {
            group.Clear();
            items.Clear();
            while (group.Count < Math.Max(1, _options.MaxCommitBatch) && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                items.Add(pending.Item);
            }
            try
            {
                var results = _store.AppendAsync(items, CancellationToken.None).GetAwaiter().GetResult();
                Committed?.Invoke(group.Count);
                for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
                if (results.Any(r => !r.Duplicate)) _signal.Notify();
            }
            catch (Exception ex)
            {
                // Nothing of the group is committed: every request answers with an error and the sender retries.
                ServeLog.InboxCommitFailed(_logger, ex, group.Count);
                foreach (var pending in group) pending.Completion.TrySetException(ex);
            }
        }
    }

    /// <summary>Blocks the writer's thread until webhooks are queued; false once the queue is completed and empty.</summary>
    private bool WaitToRead()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private sealed class Pending(InboxAppend item)
    {
        public InboxAppend Item { get; } = item;
        public TaskCompletionSource<InboxAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
