using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Validation;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// The CPU stage of a run: map, validate, and fingerprint one source record. Pure (no I/O), so it runs on
/// one core while the store writes on the other. Never throws for bad data.
/// </summary>
public sealed class RecordPreparer(ConnectorRuntime runtime, ArchiveOptions archive, TimeProvider time, IngestChecks? checks = null)
{
    private readonly RecordBuilder _builder = new(archive);
    private readonly string _system = runtime.Definition.System ?? runtime.Id;
    private readonly string _ingestionDetail = $"归档 via {runtime.Id}";
    private readonly bool _writesBack = runtime.Connector is IArchiveAcknowledger;

    private long _atSecond = long.MinValue;
    private string _at = "";

    /// <summary>Events carry whole seconds: formatted once per second, not once per record.</summary>
    private string EventTime(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (second != _atSecond)
        {
            _at = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            _atSecond = second;
        }
        return _at;
    }

    public PreparedRecord Prepare(SourceRecord source)
    {
        var prepared = new PreparedRecord(source) { Key = source.SourceKey };
        if (source.Problem is not null)
        {
            prepared.Problem = source.Problem;
            return prepared;
        }

        Mapping.MappingResult mapped;
        try
        {
            mapped = runtime.Mapper.Map(source);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A mapping bug must cost one record, not the run.
            prepared.Problem = new RecordProblem(ReasonCodes.MappingError, $"mapping '{runtime.Mapper.Name}' failed: {ex.Message}")
            { MessageZh = $"映射“{runtime.Mapper.Name}”执行出错：{ex.Message}" };
            return prepared;
        }
        prepared.Key = mapped.Key ?? source.SourceKey;
        if (mapped.Problem is not null)
        {
            prepared.Problem = mapped.Problem;
            return prepared;
        }
        if (string.IsNullOrEmpty(prepared.Key))
        {
            prepared.Problem = new RecordProblem(ReasonCodes.MissingField, "the record has no key (mapping 'key' and source key are empty)")
            { Field = "key", MessageZh = "记录缺少唯一标识（映射的 key 与来源主键均为空）" };
            return prepared;
        }

        var record = _builder.Build(mapped, out var problem);
        if (record is null)
        {
            prepared.Problem = problem;
            return prepared;
        }
        record.Source.System = _system;
        record.Source.ConnectorId = runtime.Id;
        record.Source.SourceKey = prepared.Key;
        record.Source.Url = source.SourceUrl;
        record.Source.Location = source.Location;
        record.Source.LineNumber = source.LineNumber;
        var now = time.GetUtcNow();
        record.Source.RetrievedAt = now;

        var attachments = source.Attachments.Count == 0 ? mapped.Attachments
            : mapped.Attachments.Count == 0 ? source.Attachments
            : [.. source.Attachments, .. mapped.Attachments];
        prepared.PendingAttachments = attachments;
        prepared.Record = record;
        var at = EventTime(now);
        record.Events.Add(new Records.RecordEvent { Action = "ingestion", At = at, By = "archivebridge", Detail = _ingestionDetail });
        if (checks is not null)
        {
            checks.CheckRecord(prepared, new DeclaredAttachments(mapped.DeclaredAttachmentCount), at);
            if (prepared.Problem is not null) return prepared;
        }
        if (attachments.Count == 0)
        {
            record.Fingerprint = RecordFingerprint.Compute(record);
            prepared.Freeze(time);
            // Complete: only a source told "archived" (write-back) reads the fields again.
            if (!_writesBack) source.DropFields();
        }
        return prepared;
    }
}
