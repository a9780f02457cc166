using System.Text;
using System.Text.Json;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping.Loading;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// Loads mapping files (mappings/*.json, DESIGN §4): parses, checks and compiles them once. <c>Load</c>
/// throws a <see cref="MappingException"/> listing every mistake; <c>Check</c> returns the same list and never throws.
/// </summary>
public static class MappingLoader
{
    /// <summary>Loads and compiles <paramref name="path"/>; diagnostics name the file as given here.</summary>
    /// <param name="vocabularies">When given, lookup tables, defaults and literals feeding retention, security and category are checked against them.</param>
    /// <exception cref="MappingException">The file cannot be read, is not JSON, or has mistakes.</exception>
    public static CompiledMapping Load(string path, VocabularyOptions? vocabularies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Analyze(path, vocabularies, out var diagnostics) ?? throw new MappingException(path, diagnostics);
    }

    /// <summary>Compiles mapping JSON text; <paramref name="file"/> names it in diagnostics.</summary>
    /// <exception cref="MappingException">The text is not JSON or has mistakes.</exception>
    public static CompiledMapping Parse(string json, string file, VocabularyOptions? vocabularies = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        return Analyze(Encoding.UTF8.GetBytes(json), file, vocabularies, out var diagnostics) ?? throw new MappingException(file, diagnostics);
    }

    /// <summary>Every mistake in <paramref name="path"/>, empty when it is fine. Never throws for a bad or missing file.</summary>
    public static IReadOnlyList<MappingDiagnostic> Check(string path, VocabularyOptions? vocabularies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Analyze(path, vocabularies, out var diagnostics);
        return diagnostics;
    }

    /// <summary>Every mistake in mapping JSON text, empty when it is fine.</summary>
    public static IReadOnlyList<MappingDiagnostic> CheckText(string json, string file, VocabularyOptions? vocabularies = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        Analyze(Encoding.UTF8.GetBytes(json), file, vocabularies, out var diagnostics);
        return diagnostics;
    }

    private static CompiledMapping? Analyze(string path, VocabularyOptions? vocabularies, out IReadOnlyList<MappingDiagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics = [new MappingDiagnostic(path, 0, "", null, $"cannot read the mapping file: {e.Message}")];
            return null;
        }
        return Analyze(bytes, path, vocabularies, out diagnostics);
    }

    private static CompiledMapping? Analyze(ReadOnlySpan<byte> utf8, string file, VocabularyOptions? vocabularies, out IReadOnlyList<MappingDiagnostic> diagnostics)
    {
        MappingJsonValue root;
        try
        {
            root = MappingJsonReader.Read(utf8);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            diagnostics = [new MappingDiagnostic(file, line, "", null, $"not valid JSON: {FirstSentence(e.Message)}")];
            return null;
        }
        return MappingCompiler.Compile(root, file, vocabularies, out diagnostics);
    }

    /// <summary>System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; the diagnostic has the line already.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
