using System.Diagnostics;
using System.Threading.Channels;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// Runs one connector once (DESIGN §2). Two stages joined by a bounded channel, one per core: the reader
/// stage reads, maps, validates and fingerprints; the writer stage fetches attachments and commits batches
/// (records, quarantine, audit and checkpoint in one transaction). Back pressure keeps memory flat; every
/// record read gets exactly one outcome, so the counts always reconcile.
/// </summary>
public sealed class SyncRunner(
    IArchiveStore store,
    IBlobStore blobs,
    ArchiveBridgeOptions options,
    TimeProvider time,
    ILogger<SyncRunner> logger,
    IngestChecks? checks = null)
{
    public async Task<RunSummary> RunAsync(ConnectorRuntime runtime, SyncRequest request, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var run = await store.StartRunAsync(runtime.Id, request.Trigger, runtime.MappingHash, cancellationToken).ConfigureAwait(false);
        Log.RunStarted(logger, run.RunId, runtime.Id, request.Trigger);
        var counts = new RunCounts();
        string? error = null;
        var status = RunStatus.Succeeded;
        try
        {
            var checkpoint = request.Full ? null : await store.LoadCheckpointAsync(runtime.Id, cancellationToken).ConfigureAwait(false);
            var context = new ReadContext { RunId = run.RunId, Checkpoint = checkpoint, Full = request.Full, TimeProvider = time };
            error = await PumpAsync(runtime, run, context, counts, progress, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            error = ex.Message;
        }

        if (error is not null) status = RunStatus.Failed;
        else if (counts.Quarantined > 0 || counts.Failed > 0) status = RunStatus.CompletedWithProblems;
        await store.FinishRunAsync(run, counts, status, error, CancellationToken.None).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.RunFinished(logger, run.RunId, runtime.Id, status, counts.Read, (long)elapsed.TotalMilliseconds);
        return new RunSummary
        {
            RunId = run.RunId,
            Connector = runtime.Id,
            Status = status,
            Counts = counts,
            DurationMs = (long)elapsed.TotalMilliseconds,
            Error = error,
            StartedAt = run.StartedAt,
            FinishedAt = time.GetUtcNow(),
        };
    }

    private async Task<string?> PumpAsync(ConnectorRuntime runtime, RunContext run, ReadContext context, RunCounts counts,
        IProgress<RunProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Pipeline.BatchSize);
        var channel = Channel.CreateBounded<List<PreparedRecord>>(new BoundedChannelOptions(Math.Max(1, options.Pipeline.ChannelCapacity))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        // Opened before the reader starts: a store that cannot be opened must not leave a reader blocked on the channel.
        // A source told "archived" after each commit may forget those records: those commits must be on disk. A source
        // that is only read is read again from the checkpoint if a power cut undoes a commit; the run's end
        // (FinishRunAsync) is synced and covers every commit before it.
        var durability = runtime.Connector is IArchiveAcknowledger ? CommitDurability.Flushed : CommitDurability.Deferred;
        await using var writer = await store.OpenWriterAsync(run, durability, cancellationToken).ConfigureAwait(false);
        // The reader stops on cancellation; the writer then drains and commits what was read (graceful stop).
        using var readerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadStageAsync(runtime, run, context, channel.Writer, batchSize, readerStop.Token), CancellationToken.None);

        string? writerError = null;
        var ingester = new AttachmentIngester(blobs, options.Pipeline.MaxAttachmentBytes, runtime.ChecksEnabled ? checks : null, time);
        var acknowledger = runtime.Connector as IArchiveAcknowledger;
        // Only the tally and (for write-back) the acknowledgements wait for the commit, not the records: holding
        // tens of thousands of records until then would push them into the GC's oldest generation.
        var uncommitted = new RunCounts();
        var toAcknowledge = acknowledger is null ? null : new List<ArchivedItem>();
        var lastCommit = time.GetTimestamp();
        long processed = 0;
        await foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (writerError is not null)
            {
                foreach (var _ in batch) counts.Add(RecordOutcome.Failed);
                continue;
            }
            try
            {
                foreach (var item in batch)
                {
                    if (item.Problem is null && !item.KnownChangeToken && item.PendingAttachments.Count > 0)
                    {
                        await ingester.IngestAsync(runtime, item, CancellationToken.None).ConfigureAwait(false);
                        // Complete now, before the store assigns 档号 and 件号: every stored record JSON is the
                        // record's content alone (id, 档号, 件号, version and fingerprint live in columns, overlaid when read).
                        if (item.Problem is null) item.Freeze(time);
                    }
                }
                await writer.WriteAsync(batch, LastPosition(batch), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The store could not take the batch and rolled back to its last commit: this batch and the ones
                // written since then failed (the checkpoint stays there, so the next run reads them again). Stop reading.
                writerError = $"store error: {ex.Message}";
                Log.BatchFailed(logger, ex, run.RunId, runtime.Id);
                counts.AddFailed(batch.Count + uncommitted.Read);
                uncommitted.Clear();
                toAcknowledge?.Clear();
                await readerStop.CancelAsync().ConfigureAwait(false);
                continue;
            }
            foreach (var item in batch) uncommitted.Add(item.Outcome);
            if (toAcknowledge is not null) Acknowledgements(batch, toAcknowledge);
            processed += batch.Count;
            progress?.Report(new RunProgress(runtime.Id, processed, Stopwatch.GetElapsedTime(started)));
            var commitRecords = Math.Min(options.Pipeline.CommitRecords, writer.CommitRecords ?? int.MaxValue);
            if (writer.Uncommitted >= commitRecords || time.GetElapsedTime(lastCommit) >= options.Pipeline.CommitInterval)
            {
                writerError = await CommitAsync(writer, uncommitted, toAcknowledge, counts, acknowledger, runtime, run).ConfigureAwait(false);
                lastCommit = time.GetTimestamp();
                if (writerError is not null) await readerStop.CancelAsync().ConfigureAwait(false);
            }
        }
        var last = await CommitAsync(writer, uncommitted, toAcknowledge, counts, acknowledger, runtime, run).ConfigureAwait(false);
        writerError ??= last;

        var readerError = await reader.ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested && writerError is null && readerError is null) return "interrupted: the run was stopped";
        return writerError ?? readerError;
    }

    /// <summary>
    /// Makes the written batches durable, then counts their outcomes and acknowledges them to the source
    /// (write-back only after our commit). A failed commit fails every record it would have made durable.
    /// </summary>
    private async Task<string?> CommitAsync(IRunWriter writer, RunCounts uncommitted, List<ArchivedItem>? toAcknowledge, RunCounts counts,
        IArchiveAcknowledger? acknowledger, ConnectorRuntime runtime, RunContext run)
    {
        if (uncommitted.Read == 0) return null;
        string? error = null;
        try
        {
            await writer.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = $"store error: {ex.Message}";
            Log.BatchFailed(logger, ex, run.RunId, runtime.Id);
        }
        if (error is null) counts.Add(uncommitted);
        else counts.AddFailed(uncommitted.Read);
        uncommitted.Clear();
        if (toAcknowledge is { Count: > 0 })
        {
            if (error is null) await AcknowledgeAsync(acknowledger!, toAcknowledge, runtime).ConfigureAwait(false);
            toAcknowledge.Clear();
        }
        return error;
    }

    /// <summary>Returns an error message when the source failed; the batches read before it still commit.</summary>
    private async Task<string?> ReadStageAsync(ConnectorRuntime runtime, RunContext run, ReadContext context,
        ChannelWriter<List<PreparedRecord>> writer, int batchSize, CancellationToken cancellationToken)
    {
        var preparer = new RecordPreparer(runtime, options.Archive, time, runtime.ChecksEnabled ? checks : null);
        var pending = new List<SourceRecord>(batchSize);
        string? error = null;
        try
        {
            await foreach (var source in runtime.Connector.ReadAsync(context, cancellationToken).ConfigureAwait(false))
            {
                pending.Add(source);
                if (pending.Count >= batchSize)
                {
                    await writer.WriteAsync(await PrepareBatchAsync(run, preparer, pending, cancellationToken).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
                    pending = new List<SourceRecord>(batchSize);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // graceful stop: what was read is still prepared and committed below
        }
        catch (Exception ex)
        {
            error = ex is ArchiveBridgeException ? ex.Message : $"source error in connector '{runtime.Id}': {ex.Message}";
            Log.SourceFailed(logger, ex, run.RunId, runtime.Id);
        }

        try
        {
            if (pending.Count > 0)
                await writer.WriteAsync(await PrepareBatchAsync(run, preparer, pending, CancellationToken.None).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (error is null)
        {
            error = ex.Message;
        }
        writer.Complete();
        return error;
    }

    private async Task<List<PreparedRecord>> PrepareBatchAsync(RunContext run, RecordPreparer preparer, List<SourceRecord> sources, CancellationToken cancellationToken)
    {
        IReadOnlySet<string>? known = null;
        List<string>? tokens = null;
        foreach (var s in sources)
            if (s.ChangeToken is not null && s.Problem is null) (tokens ??= new List<string>(sources.Count)).Add(s.ChangeToken);
        if (tokens is not null)
            known = await store.FindKnownChangeTokensAsync(run, tokens, cancellationToken).ConfigureAwait(false);

        var batch = new List<PreparedRecord>(sources.Count);
        foreach (var source in sources)
        {
            if (known is not null && source.ChangeToken is not null && source.Problem is null && known.Contains(source.ChangeToken))
                batch.Add(new PreparedRecord(source) { KnownChangeToken = true, Key = source.SourceKey });
            else
                batch.Add(preparer.Prepare(source));
        }
        return batch;
    }

    private static string? LastPosition(List<PreparedRecord> batch)
    {
        for (var i = batch.Count - 1; i >= 0; i--)
            if (batch[i].Source.Position is { } p) return p;
        return null;
    }

    private static void Acknowledgements(List<PreparedRecord> batch, List<ArchivedItem> items)
    {
        foreach (var p in batch)
        {
            if (p.Outcome is RecordOutcome.Quarantined or RecordOutcome.Failed) continue;
            items.Add(new ArchivedItem(p.Source, p.Key ?? p.Source.SourceKey ?? "", p.Outcome) { RecordId = p.RecordId, ArchivalCode = p.ArchivalCode });
        }
    }

    private async Task AcknowledgeAsync(IArchiveAcknowledger acknowledger, List<ArchivedItem> items, ConnectorRuntime runtime)
    {
        try
        {
            await acknowledger.AcknowledgeAsync(items, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Our commit stands; the next run reads these rows again (unchanged) and acknowledges them again.
            Log.AcknowledgeFailed(logger, ex, runtime.Id);
        }
    }
}
