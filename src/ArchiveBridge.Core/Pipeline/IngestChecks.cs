using System.Text.Json;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// The 四性 checks at ingest (DA/T 70-2018): metadata checks in the CPU stage, file checks right after a
/// file is stored. A failed check at level block quarantines the record (check_failed); a warning is archived
/// with the record and reported. Each check also leaves a PREMIS-style event on the record.
/// </summary>
public sealed class IngestChecks
{
    private readonly RecordChecker _records;
    private readonly AttachmentChecker _attachments;
    private readonly IBlobStore _blobs;
    private readonly bool _virusScan;

    public IngestChecks(CheckOptions options, ArchivalCodeTemplate template, IBlobStore blobs, IVirusScanner? scanner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _records = new RecordChecker(options, template);
        _attachments = new AttachmentChecker(options, scanner);
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _virusScan = scanner is not null && options.LevelOf(CheckId.VirusScan) != CheckLevel.Off;
    }

    /// <summary>Metadata checks (source recorded, required metadata); runs before attachments are fetched.</summary>
    public void CheckRecord(PreparedRecord prepared, DeclaredAttachments declared, string at)
    {
        var record = prepared.Record!;
        var all = prepared.CheckResults;
        var start = all.Count;
        _records.CheckInto(all, record, declared.Count, declared.Count is null ? null : prepared.PendingAttachments.Count);
        IReadOnlyList<CheckResult> results = start == 0 ? all : all.GetRange(start, all.Count - start);
        record.Events.Add(new RecordEvent { Action = "validation", At = at, By = "archivebridge", Detail = Summary(results) });
        Block(prepared, results);
    }

    /// <summary>File checks on a stored attachment (format, usability, safe name, optional virus scan).</summary>
    public async Task CheckAttachmentAsync(PreparedRecord prepared, AttachmentReference reference, AttachmentInfo stored, string at, CancellationToken cancellationToken)
    {
        var record = prepared.Record!;
        var report = await _attachments.CheckAsync(new AttachmentCheckRequest
        {
            Name = stored.Name,
            FilePath = _blobs.PathOf(stored.Sha256),
            Sha256 = stored.Sha256,
            Size = stored.Size,
            DeclaredSha256 = reference.DeclaredSha256,
            DeclaredSize = reference.DeclaredSize,
        }, cancellationToken).ConfigureAwait(false);
        if (report.Format.IsIdentified)
        {
            stored.Format = report.Format.Id;
            stored.MediaType = report.Format.MediaType;
        }
        prepared.CheckResults.AddRange(report.Results);
        record.Events.Add(new RecordEvent { Action = "message digest calculation", At = at, By = "archivebridge", Detail = $"{stored.Name}: sha256 {stored.Sha256}" });
        var fixity = report.Results.FirstOrDefault(r => r.Id == CheckId.StoredDigestMatch);
        if (fixity is not null)
            record.Events.Add(new RecordEvent { Action = "fixity check", At = at, By = "archivebridge", Detail = $"{stored.Name}: stored copy {(fixity.Passed ? "matches" : "DOES NOT match")} sha256 {stored.Sha256}" });
        record.Events.Add(new RecordEvent { Action = "format identification", At = at, By = "archivebridge", Detail = $"{stored.Name}: {report.Format.Id}" });
        if (_virusScan && report.VirusScan is { } scan)
            record.Events.Add(new RecordEvent { Action = "virus check", At = at, By = "clamd", Detail = $"{stored.Name}: {scan.Status}{(scan.Signature is null ? "" : " " + scan.Signature)}" });
        Block(prepared, report.Results);
    }

    /// <summary>The stored form of a record's results: failures in full, passes by id.</summary>
    public static string? Serialize(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) return null;
        if (AllPassed(results) is { } same) return same;
        // Written by hand: this runs for every record, and the reflection serializer of an anonymous object
        // cost a sixth of the mapping stage. Same JSON as JsonSerializer with StoredJson would write.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoredJson.Encoder }))
        {
            w.WriteStartObject();
            w.WriteStartArray("passed");
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i].Passed && FirstPassed(results, i)) w.WriteStringValue(results[i].Id);
            }
            w.WriteEndArray();
            w.WriteStartArray("failed");
            foreach (var r in results)
            {
                if (!r.Passed) JsonSerializer.Serialize(w, r, StoredJson);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        var allPassed = true;
        foreach (var r in results) allPassed &= r.Passed;
        if (allPassed) _lastAllPassed = new AllPassedJson([.. results.Select(r => r.Id)], json);
        return json;
    }

    /// <summary>
    /// Nearly every record passes the same checks: the JSON of the last all-passed list is reused while the ids are
    /// the same (they are the catalog's constant strings), instead of writing the same ~100 bytes a million times.
    /// </summary>
    private static string? AllPassed(IReadOnlyList<CheckResult> results)
    {
        var last = _lastAllPassed;
        if (last is null || last.Ids.Length != results.Count) return null;
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].Passed || !ReferenceEquals(results[i].Id, last.Ids[i])) return null;
        }
        return last.Json;
    }

    private sealed record AllPassedJson(string[] Ids, string Json);

    [ThreadStatic] private static AllPassedJson? _lastAllPassed;

    private static bool FirstPassed(IReadOnlyList<CheckResult> results, int index)
    {
        for (var j = 0; j < index; j++)
            if (results[j].Passed && results[j].Id == results[index].Id) return false;
        return true;
    }

    private static readonly JsonSerializerOptions StoredJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static void Block(PreparedRecord prepared, IReadOnlyList<CheckResult> results)
    {
        if (prepared.Problem is not null) return;
        foreach (var r in results)
        {
            if (!r.Blocks) continue;
            prepared.Problem = r.ToProblem();
            prepared.Record = null;
            return;
        }
    }

    private static readonly string[] PassedSummaries = [.. Enumerable.Range(0, 16).Select(n => $"{n} check(s) passed")];

    private static string Summary(IReadOnlyList<CheckResult> results)
    {
        List<string>? failed = null;
        foreach (var r in results)
        {
            if (!r.Passed) (failed ??= []).Add(r.Id);
        }
        if (failed is not null) return $"failed: {string.Join(", ", failed)}";
        return results.Count < PassedSummaries.Length ? PassedSummaries[results.Count] : $"{results.Count} check(s) passed";
    }
}

/// <summary>What the source declared about a record's attachments (the integrity check compares it with what arrived).</summary>
public readonly record struct DeclaredAttachments(int? Count);
