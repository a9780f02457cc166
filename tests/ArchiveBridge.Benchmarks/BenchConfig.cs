namespace ArchiveBridge.Benchmarks;

/// <summary>The store and connector the ingest benches sync into: a fresh config per store, the HR mapping, GB18030.</summary>
internal static class BenchConfig
{
    /// <summary>The sample HR files (PDF, PNG …) the generated rows may attach, relative to <see cref="AttachmentsRoot"/>.</summary>
    public static string[] SampleAttachments() =>
        Directory.GetFiles(AttachmentsRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(AttachmentsRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    public static string AttachmentsRoot => Path.Combine(BenchArgs.RepoRoot(), "samples", "hr", "files");

    /// <summary>Writes <c>archivebridge.json</c> in <paramref name="home"/> (store under <c>home/data</c>) and returns its path.</summary>
    public static async Task<string> WriteAsync(string home, string csv, bool checks, int batchSize = 0)
    {
        var mapping = Path.Combine(BenchArgs.RepoRoot(), "mappings", "hr-personnel.json");
        var config = Path.Combine(home, "archivebridge.json");
        await File.WriteAllTextAsync(config, $$"""
        {
          "store": { "connectionString": "Data Source=data/archive.db", "blobs": "data/blobs" },
          "archive": { "fonds": "Z001", "fondsUnit": "华东示范集团有限公司" },
          {{(batchSize > 0 ? $"\"pipeline\": {{ \"batchSize\": {batchSize} }}," : "")}}
          "connectors": [ { "id": "bench", "type": "csv", "mapping": "{{Json(mapping)}}",
                            "checks": { "enabled": {{(checks ? "true" : "false")}} },
                            "settings": { "path": "{{Json(csv)}}", "encoding": "gb18030", "attachmentsRoot": "{{Json(AttachmentsRoot)}}" } } ]
        }
        """);
        return config;
    }

    private static string Json(string path) => path.Replace("\\", "/", StringComparison.Ordinal);
}
