namespace ArchiveBridge.Connectors.Database;

/// <summary>
/// The <c>writeBack</c> block: after a batch is committed in the archive, its rows are marked in the source
/// with <c>UPDATE table SET column = value … WHERE key = @key</c>.
/// </summary>
public sealed class DatabaseWriteBackOptions
{
    /// <summary>The table to update; defaults to <c>table</c>, required when the connector reads a <c>query</c>.</summary>
    public string? Table { get; set; }

    /// <summary>The key column of <see cref="Table"/>; defaults to the connector's <c>key</c>.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Column to value template: a literal (<c>ARCHIVED</c>) or a template using <c>{now}</c>,
    /// <c>{archivalCode}</c>, <c>{recordId}</c> and <c>{key}</c>.
    /// </summary>
    public Dictionary<string, string> Set { get; set; } = new(StringComparer.Ordinal);
}
