namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// A run's tally. The invariant auditors rely on: <c>Read = Created + Versioned + Unchanged + Duplicates +
/// Quarantined + Failed</c>; <see cref="Reconciles"/> says whether it holds.
/// </summary>
public sealed class RunCounts
{
    public long Read { get; set; }
    public long Created { get; set; }
    public long Versioned { get; set; }
    public long Unchanged { get; set; }
    public long Duplicates { get; set; }
    public long Quarantined { get; set; }
    public long Failed { get; set; }

    public bool Reconciles => Read == Created + Versioned + Unchanged + Duplicates + Quarantined + Failed;

    public void Add(RecordOutcome outcome)
    {
        Read++;
        switch (outcome)
        {
            case RecordOutcome.Created: Created++; break;
            case RecordOutcome.Versioned: Versioned++; break;
            case RecordOutcome.Unchanged: Unchanged++; break;
            case RecordOutcome.Duplicate: Duplicates++; break;
            case RecordOutcome.Quarantined: Quarantined++; break;
            case RecordOutcome.Failed: Failed++; break;
            default: throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }
    }

    /// <summary>Adds another tally (e.g. the batches a commit made durable).</summary>
    public void Add(RunCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Read += other.Read;
        Created += other.Created;
        Versioned += other.Versioned;
        Unchanged += other.Unchanged;
        Duplicates += other.Duplicates;
        Quarantined += other.Quarantined;
        Failed += other.Failed;
    }

    /// <summary>Counts <paramref name="count"/> records as read and failed.</summary>
    public void AddFailed(long count)
    {
        Read += count;
        Failed += count;
    }

    public void Clear() => Read = Created = Versioned = Unchanged = Duplicates = Quarantined = Failed = 0;
}
