namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// One mistake in a mapping file, precise enough to fix without searching:
/// <c>mappings/hr.json:12: fields.date: unknown function 'dat' at position 7</c>.
/// </summary>
/// <param name="File">The mapping file as it was named when loaded.</param>
/// <param name="Line">1-based line in the file; 0 when the mistake concerns the whole file.</param>
/// <param name="Field">Where in the mapping: <c>fields.date</c>, <c>key</c>, <c>lookups.orgs</c>; empty for the whole file.</param>
/// <param name="Position">0-based column inside the expression, when the mistake is in one.</param>
/// <param name="Message">What is wrong, in English, including the position when there is one.</param>
public sealed record MappingDiagnostic(string File, int Line, string Field, int? Position, string Message)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}" : File;
        return Field.Length > 0 ? $"{location}: {Field}: {Message}" : $"{location}: {Message}";
    }
}
