using System.Text.Json;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Cli;

/// <summary>
/// A config in a temp folder with its own store, pointing at the repository's sample exports and mappings
/// (absolute paths), so tests use the real samples without touching samples/data.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => _dir.Path;
    public string Config => _dir.Combine("archivebridge.json");

    public static string Sample(params string[] parts) => System.IO.Path.Combine([CliProcess.RepoRoot, "samples", .. parts]);
    public static string Mapping(string name) => System.IO.Path.Combine(CliProcess.RepoRoot, "mappings", name);

    /// <summary>Writes a config with one CSV connector <c>hr</c>.</summary>
    public void WriteCsvConfig(string csvPath, string? mappingPath = null, string encoding = "gb18030", string? extraSettings = null, int? batchSize = null,
        string? extraStore = null, int? commitRecords = null)
    {
        var settings = $"\"path\": {Json(csvPath)}, \"encoding\": \"{encoding}\", \"attachmentsRoot\": {Json(Sample("hr", "files"))}{(extraSettings is null ? "" : ", " + extraSettings)}";
        File.WriteAllText(Config, $$"""
        {
          "store": { "connectionString": "Data Source=data/archive.db", "blobs": "data/blobs"{{(extraStore is null ? "" : ", " + extraStore)}} },
          "archive": { "fonds": "Z001", "fondsUnit": "华东示范集团有限公司" },
          {{(batchSize is null ? "" : $"\"pipeline\": {{ \"batchSize\": {batchSize}{(commitRecords is null ? "" : $", \"commitRecords\": {commitRecords}")} }},")}}
          "connectors": [ { "id": "hr", "type": "csv", "mapping": {{Json(mappingPath ?? Mapping("hr-personnel.json"))}}, "settings": { {{settings}} } } ]
        }
        """);
    }

    public Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(null, [.. args, "--config", Config]);

    public static string Json(string value) => JsonSerializer.Serialize(value);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
