using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// The outcome of one check on one record or attachment. Passed results are kept too: the report proves
/// the four properties for every record, not only lists failures.
/// </summary>
/// <param name="Id">A <see cref="CheckId"/> value.</param>
/// <param name="Level">The level in force when the check ran (never <see cref="CheckLevel.Off"/>).</param>
/// <param name="Message">What was found, in English (logs, scripts).</param>
/// <param name="MessageZh">What was found, in Chinese (archivists).</param>
/// <param name="Subject">The file name or field checked, when there is one.</param>
public sealed record CheckResult(
    string Id, CheckProperty Property, CheckLevel Level, bool Passed, string Message, string MessageZh, string? Subject)
{
    /// <summary>True when this result sends the record to quarantine.</summary>
    public bool Blocks => !Passed && Level == CheckLevel.Block;

    /// <summary>The quarantine reason for a failed result (<c>check_failed</c>, the subject as field).</summary>
    public RecordProblem ToProblem() =>
        new(ReasonCodes.CheckFailed, $"{Id}: {Message}") { Field = Subject, MessageZh = $"{Id}: {MessageZh}" };

    public override string ToString() =>
        $"{(Passed ? "pass" : Level == CheckLevel.Block ? "BLOCK" : "warn")} {Id}{(Subject is null ? "" : $" [{Subject}]")}: {Message}";
}
