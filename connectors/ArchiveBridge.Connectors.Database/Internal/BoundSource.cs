namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// The configured names matched against the database's schema: every identifier here is one the database
/// itself reported, so only these (quoted) ever reach SQL text.
/// </summary>
internal sealed class BoundSource
{
    /// <summary>What follows FROM: a quoted table, or the checked query in parentheses.</summary>
    public required string FromSql { get; init; }

    /// <summary>The table name, or <c>query</c>, for messages and record locations.</summary>
    public required string Name { get; init; }

    public required string Key { get; init; }
    public required string Watermark { get; init; }
    public string? Blob { get; init; }
    public string? BlobName { get; init; }
    public BoundWriteBack? WriteBack { get; init; }
}

/// <summary>The write-back target, matched against the schema like <see cref="BoundSource"/>.</summary>
internal sealed class BoundWriteBack
{
    public required string TableSql { get; init; }
    public required string Key { get; init; }
    public required IReadOnlyList<(string Column, WriteBackTemplate Template)> Set { get; init; }

    /// <summary>Columns the write-back changes; left out of the row hash so marking a row does not make it look edited.</summary>
    public IReadOnlySet<string> Columns => Set.Select(s => s.Column).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
