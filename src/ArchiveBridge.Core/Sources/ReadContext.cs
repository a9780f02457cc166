namespace ArchiveBridge.Core.Sources;

/// <summary>What a connector needs to know about the run it reads for.</summary>
public sealed class ReadContext
{
    public required string RunId { get; init; }

    /// <summary>The checkpoint stored with the last committed batch, or null on a first (or full) run.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>True for <c>sync --full</c>: ignore the checkpoint and read everything again.</summary>
    public bool Full { get; init; }

    /// <summary>Stop after this many records (preview); null reads all.</summary>
    public int? Limit { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
