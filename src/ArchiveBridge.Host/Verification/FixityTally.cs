using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Host.Verification;

/// <summary>Counts what a pass read and hands each problem on as it is found.</summary>
internal sealed class FixityTally(Func<FixityProblem, CancellationToken, ValueTask> onProblem)
{
    public long Records { get; set; }
    public long Attachments { get; set; }
    public long BlobsRead { get; set; }
    public long BytesRead { get; set; }
    public long Partitions { get; set; }
    public long Runs { get; set; }
    private long _failures;
    private long _warnings;

    public ValueTask ProblemAsync(StoredRecord row, StoredAttachment? file, string checkId, string level, string message, string messageZh, CancellationToken ct) =>
        ReportAsync(new FixityProblem(row.Id, row.ArchivalCode, row.Connector, row.SourceKey, file?.Version ?? row.Version,
            file?.Name, file?.Sha256, checkId, level, message, messageZh), ct);

    public ValueTask ReportAsync(FixityProblem problem, CancellationToken ct)
    {
        if (problem.Level == FixityProblem.Fail) _failures++;
        else _warnings++;
        return onProblem(problem, ct);
    }

    /// <summary>A failed ingest check: it fails verification at the level it would have blocked ingest, else warns.</summary>
    public ValueTask ResultAsync(StoredRecord row, StoredAttachment? file, CheckResult result, CancellationToken ct) =>
        ProblemAsync(row, file, result.Id, result.Blocks ? FixityProblem.Fail : FixityProblem.Warn, result.Message, result.MessageZh, ct);

    public FixitySummary Summary() => new()
    {
        Records = Records,
        Attachments = Attachments,
        BlobsRead = BlobsRead,
        BytesRead = BytesRead,
        Partitions = Partitions,
        Runs = Runs,
        Failures = _failures,
        Warnings = _warnings,
    };
}
