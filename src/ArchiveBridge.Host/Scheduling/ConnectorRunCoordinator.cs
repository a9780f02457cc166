using System.Collections.Concurrent;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Serve;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Scheduling;

/// <summary>
/// The one door every served run goes through (schedule, API, webhook inbox). It never runs one connector twice
/// at once in this process, and the store's lease keeps other processes (other nodes, a CLI <c>sync</c>) out;
/// either way a busy connector is reported as <see cref="RunStartStatus.AlreadyRunning"/>, not as an error.
/// On shutdown it cancels the runs, which commit their batch in flight, and waits for them.
/// </summary>
public sealed class ConnectorRunCoordinator(
    LoadedConfig config,
    IConnectorRuntimeFactory runtimes,
    IArchiveStore store,
    IBlobStore blobs,
    ArchiveBridgeOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers,
    IngestChecks? checks = null) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<ConnectorRunCoordinator>();
    private CancellationTokenRegistration _onStopping;

    /// <summary>The run id of the connector's run in this process, or null when none is running here.</summary>
    public string? RunningRunId(string connectorId) => _active.TryGetValue(connectorId, out var run) ? run.RunId : null;

    public bool IsRunning(string connectorId) => _active.ContainsKey(connectorId);

    /// <summary>Completes when the connector's run in this process, if any, has finished (at once when none runs).</summary>
    public Task WhenIdleAsync(string connectorId) =>
        _active.TryGetValue(connectorId, out var run) && run.Completion is { } completion ? completion : Task.CompletedTask;

    /// <summary>Starts a run of the connector's own source; returns once its run row is open (or it could not start).</summary>
    public Task<RunStart> StartAsync(string connectorId, string trigger, CancellationToken cancellationToken) =>
        StartAsync(connectorId, trigger, runtimes.Create, cancellationToken);

    /// <summary>Starts a run of the runtime <paramref name="createRuntime"/> builds (e.g. the connector's mapping over its inbox).</summary>
    public async Task<RunStart> StartAsync(string connectorId, string trigger, Func<ConnectorDefinition, ConnectorRuntime> createRuntime,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectorId);
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        ArgumentNullException.ThrowIfNull(createRuntime);
        var definition = config.Connector(connectorId);
        var active = new ActiveRun(trigger);
        if (!_active.TryAdd(connectorId, active))
        {
            var holder = _active.TryGetValue(connectorId, out var other) ? $"{other.Trigger} run {other.RunId ?? "(starting)"} in this process" : "this process";
            return Report(RunStart.Running(connectorId, holder), trigger);
        }
        if (_stopping.IsCancellationRequested)
        {
            _active.TryRemove(KeyValuePair.Create(connectorId, active));
            return Report(RunStart.Failed(connectorId, "serve is shutting down"), trigger);
        }

        ConnectorRuntime runtime;
        try
        {
            runtime = createRuntime(definition);
        }
        catch (Exception ex)
        {
            _active.TryRemove(KeyValuePair.Create(connectorId, active));
            return Report(RunStart.Failed(connectorId, ex.Message), trigger);
        }

        var started = new TaskCompletionSource<RunContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new SyncRunner(new RunStartObserver(store, started), blobs, options, time, loggers.CreateLogger<SyncRunner>(), checks);
        active.Completion = RunAsync(connectorId, active, runner, runtime, started);
        try
        {
            var run = await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            active.RunId = run.RunId;
            return new RunStart(RunStartStatus.Started, connectorId) { RunId = run.RunId, Completion = active.Completion };
        }
        catch (RunLeaseException ex)
        {
            return Report(RunStart.Running(connectorId, ex.Holder), trigger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Report(RunStart.Failed(connectorId, ex.Message), trigger);
        }
    }

    private async Task<RunSummary> RunAsync(string connectorId, ActiveRun active, SyncRunner runner, ConnectorRuntime runtime,
        TaskCompletionSource<RunContext> started)
    {
        try
        {
            // Off the caller's stack: an HTTP request or a Quartz thread only waits for the run row.
            await Task.Yield();
            var request = new SyncRequest { Trigger = active.Trigger };
            var summary = await runner.RunAsync(runtime, request, null, _stopping.Token).ConfigureAwait(false);
            active.RunId = summary.RunId;
            return summary;
        }
        catch (Exception ex)
        {
            // Before the run row: the start result reports it (already running, or why it failed).
            if (!started.Task.IsCompletedSuccessfully)
            {
                started.TrySetException(ex);
                return new RunSummary { RunId = "", Connector = connectorId, Status = RunStatus.Failed, Counts = new RunCounts(), Error = ex.Message };
            }
            ServeLog.RunCrashed(_logger, ex, connectorId, active.Trigger);
            return new RunSummary
            {
                RunId = started.Task.Result.RunId, Connector = connectorId, Status = RunStatus.Failed, Counts = new RunCounts(), Error = ex.Message,
            };
        }
        finally
        {
            _active.TryRemove(KeyValuePair.Create(connectorId, active));
        }
    }

    private RunStart Report(RunStart start, string trigger)
    {
        if (start.Status == RunStartStatus.AlreadyRunning) ServeLog.AlreadyRunning(_logger, start.ConnectorId, start.Message ?? "", trigger);
        else if (start.Status == RunStartStatus.Failed) ServeLog.StartFailed(_logger, start.ConnectorId, trigger, start.Message ?? "");
        return start;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Runs are told to stop as soon as shutdown begins, so they drain while the server and scheduler stop.
        _onStopping = lifetime.ApplicationStopping.Register(_stopping.Cancel);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var running = _active.Values.Select(a => a.Completion).OfType<Task<RunSummary>>().ToList();
        if (running.Count == 0) return;
        ServeLog.DrainingRuns(_logger, running.Count);
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _stopping.Dispose();
    }

    private sealed class ActiveRun(string trigger)
    {
        public string Trigger { get; } = trigger;
        public string? RunId { get; set; }
        public Task<RunSummary>? Completion { get; set; }
    }
}
