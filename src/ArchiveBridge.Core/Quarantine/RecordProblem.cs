namespace ArchiveBridge.Core.Quarantine;

/// <summary>
/// Why one record cannot be archived: a reason code, the field and value at fault, and a message in
/// Chinese and English (admins read the former, logs and scripts the latter).
/// </summary>
public sealed record RecordProblem(string Reason, string Message)
{
    /// <summary>The canonical or source field at fault, when there is one.</summary>
    public string? Field { get; init; }

    /// <summary>The offending value, when there is one.</summary>
    public string? Value { get; init; }

    /// <summary>The message in Chinese; falls back to <see cref="Message"/>.</summary>
    public string? MessageZh { get; init; }

    public override string ToString() =>
        Field is null ? $"{Reason}: {Message}" : $"{Reason}: {Field}: {Message}";
}
