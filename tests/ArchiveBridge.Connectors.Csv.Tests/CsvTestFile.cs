using System.Text;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

/// <summary>A CSV file written as real bytes into a temp folder, with a connector over it.</summary>
internal sealed class CsvTestFile : IDisposable
{
    public const string FileName = "export.csv";

    private readonly TempDirectory _directory = new();

    public CsvTestFile(string text, Encoding? encoding = null, Action<CsvConnectorOptions>? configure = null)
        : this(Bytes(text, encoding), configure)
    {
    }

    /// <summary>The file's bytes: the encoding's preamble (a UTF-8 BOM for <c>new UTF8Encoding(true)</c>) and the text.</summary>
    public static byte[] Bytes(string text, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    public CsvTestFile(byte[] bytes, Action<CsvConnectorOptions>? configure = null)
    {
        File.WriteAllBytes(FullPath, bytes);
        Options = new CsvConnectorOptions { Path = FileName, BaseDirectory = _directory.Path };
        configure?.Invoke(Options);
        Connector = new CsvConnector("hr-csv", Options);
    }

    public string Directory => _directory.Path;
    public string FullPath => _directory.Combine(FileName);
    public CsvConnectorOptions Options { get; }
    public CsvConnector Connector { get; }

    public void Rewrite(string text, Encoding? encoding = null) => File.WriteAllBytes(FullPath, Bytes(text, encoding));

    public void Append(string text) => File.AppendAllText(FullPath, text, new UTF8Encoding(false));

    public Task<List<SourceRecord>> ReadAsync(string? checkpoint = null, bool full = false, int? limit = null) =>
        ReadAllAsync(Connector, checkpoint, full, limit);

    public static async Task<List<SourceRecord>> ReadAllAsync(ISourceConnector connector, string? checkpoint = null, bool full = false, int? limit = null)
    {
        var records = new List<SourceRecord>();
        var context = new ReadContext { RunId = "test-run", Checkpoint = checkpoint, Full = full, Limit = limit };
        await foreach (var record in connector.ReadAsync(context, CancellationToken.None)) records.Add(record);
        return records;
    }

    public void Dispose() => _directory.Dispose();
}

internal static class SourceRecordExtensions
{
    public static string? Value(this SourceRecord record, string name) =>
        record.Fields.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no field '{name}' in {record.Fields.ToRawJson()}");

    public static IReadOnlyList<string?> Values(this SourceRecord record) => ((FlatSourceFields)record.Fields).Values;

    public static IReadOnlyList<string> Names(this SourceRecord record) => ((FlatSourceFields)record.Fields).Header.Names;
}
