namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>Collects the diagnostics of one mapping file.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<MappingDiagnostic> _items = [];

    public string File { get; } = file;

    /// <summary>The diagnostics in file order (stable: several on one line keep the order they were found).</summary>
    public IReadOnlyList<MappingDiagnostic> Items => [.. _items.OrderBy(d => d.Line)];

    public bool HasErrors => _items.Count > 0;

    /// <summary>Adds a diagnostic; with a position, the message reads "head at position N detail".</summary>
    public void Add(int line, string field, ErrorText message, int? position = null) =>
        _items.Add(new MappingDiagnostic(File, line, field, position,
            position is null ? message.Head + message.Detail : $"{message.Head} at position {position}{message.Detail}"));
}

/// <summary>
/// A diagnostic message in two parts, so the position can go between what is wrong and the explanation:
/// <c>unknown function 'dat'</c> + <c> (did you mean 'date'?)</c>.
/// </summary>
internal readonly record struct ErrorText(string Head, string? Detail = null)
{
    public static implicit operator ErrorText(string head) => new(head);

    public override string ToString() => Head + Detail;
}
