namespace ArchiveBridge.Core.Pipeline;

/// <summary>The one outcome every record read gets; a run's counts of these always add up to what it read.</summary>
public enum RecordOutcome
{
    Created,
    Versioned,
    Unchanged,
    Duplicate,
    Quarantined,
    Failed,
}
