namespace ArchiveBridge.Core.Checks;

/// <summary>
/// What a failed check does. Ordered by severity. <see cref="Off"/> only appears in
/// <see cref="CheckOptions.Levels"/>: a check that is off is not run and yields no result.
/// </summary>
public enum CheckLevel
{
    /// <summary>Not run.</summary>
    Off,

    /// <summary>Recorded in the report; the record is archived.</summary>
    Warn,

    /// <summary>The record goes to quarantine (<c>check_failed</c>).</summary>
    Block,
}
