namespace ArchiveBridge.Core.Pipeline;

/// <summary>What started a run and how.</summary>
public sealed record SyncRequest
{
    /// <summary><c>cli</c>, <c>schedule</c>, <c>api</c>, <c>webhook</c>.</summary>
    public string Trigger { get; init; } = "cli";

    /// <summary>Ignore the checkpoint and read everything (<c>sync --full</c>).</summary>
    public bool Full { get; init; }
}
