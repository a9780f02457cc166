namespace ArchiveBridge.Core.Mapping;

/// <summary>One <c>lookups</c> table: source value to canonical value, with where each entry was written.</summary>
internal sealed class LookupTable
{
    private const int AllowedShown = 20;

    public LookupTable(string name, int line, IReadOnlyList<(string From, string To, int Line)> entries)
    {
        Name = name;
        Line = line;
        Entries = new Dictionary<string, string>(entries.Count, StringComparer.Ordinal);
        foreach (var (from, to, _) in entries) Entries[from] = to;
        EntryList = entries;
        var keys = entries.Select(e => e.From).Distinct(StringComparer.Ordinal).ToList();
        // Computed once: a miss names the allowed keys, and a long table is cut rather than flooding a report.
        AllowedText = keys.Count <= AllowedShown
            ? string.Join(", ", keys)
            : string.Join(", ", keys.Take(AllowedShown)) + $", … ({keys.Count} in all)";
    }

    public string Name { get; }

    public int Line { get; }

    public Dictionary<string, string> Entries { get; }

    public IReadOnlyList<(string From, string To, int Line)> EntryList { get; }

    /// <summary>The keys, comma-separated, for unknown_value messages.</summary>
    public string AllowedText { get; }
}
