using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Core.Sources;

/// <summary>
/// Optional on a connector: told which records were archived, after (never before) the batch holding them
/// committed, so the source can mark them (the 中间库 write-back). Must be idempotent: after a crash
/// between our commit and the acknowledgement, the next run acknowledges the same records again.
/// </summary>
public interface IArchiveAcknowledger
{
    ValueTask AcknowledgeAsync(IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken);
}

/// <summary>One record of a committed batch, as told to <see cref="IArchiveAcknowledger"/>.</summary>
public sealed record ArchivedItem(SourceRecord Source, string Key, RecordOutcome Outcome)
{
    public string? RecordId { get; init; }
    public string? ArchivalCode { get; init; }
}
