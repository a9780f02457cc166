namespace ArchiveBridge.Core.Mapping;

/// <summary>A mapping file cannot be loaded; <see cref="Diagnostics"/> lists every mistake with file, line and field.</summary>
public sealed class MappingException : ArchiveBridgeException
{
    public MappingException(string file, IReadOnlyList<MappingDiagnostic> diagnostics)
        : base(Format(file, diagnostics))
    {
        File = file;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public IReadOnlyList<MappingDiagnostic> Diagnostics { get; }

    private static string Format(string file, IReadOnlyList<MappingDiagnostic> diagnostics) =>
        diagnostics.Count == 1
            ? $"invalid mapping: {diagnostics[0]}"
            : $"invalid mapping {file} ({diagnostics.Count} errors):{Environment.NewLine}  "
              + string.Join(Environment.NewLine + "  ", diagnostics);
}
