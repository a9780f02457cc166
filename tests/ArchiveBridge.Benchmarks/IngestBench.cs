using System.Diagnostics;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.TestUtils;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Benchmarks;

/// <summary>
/// End-to-end ingest: generates a deterministic Chinese GB18030 HR export, runs the real pipeline (CSV
/// connector, hr-personnel mapping, validation, fingerprint, SQLite store) into a fresh store, then re-syncs
/// the unchanged file. Prints records/s for both and the peak RSS.
/// </summary>
internal static class IngestBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 1_000_000);
        var batch = BenchArgs.Int(args, "--batch", 0);
        using var dir = new TempDirectory();
        var csv = Path.Combine(dir.Path, "hr_export.csv");
        var generate = Stopwatch.StartNew();
        new HrCsvGenerator().WriteFile(csv, rows);
        generate.Stop();
        var mapping = Path.Combine(BenchArgs.RepoRoot(), "mappings", "hr-personnel.json");
        var config = Path.Combine(dir.Path, "archivebridge.json");
        await File.WriteAllTextAsync(config, $$"""
        {
          "store": { "connectionString": "Data Source=data/archive.db", "blobs": "data/blobs" },
          "archive": { "fonds": "Z001", "fondsUnit": "华东示范集团有限公司" },
          {{(batch > 0 ? $"\"pipeline\": {{ \"batchSize\": {batch} }}," : "")}}
          "connectors": [ { "id": "bench", "type": "csv", "mapping": "{{mapping.Replace("\\", "/")}}",
                            "settings": { "path": "hr_export.csv", "encoding": "gb18030" } } ]
        }
        """);
        Console.WriteLine($"ingest bench: {rows:N0} rows, GB18030 CSV {new FileInfo(csv).Length / 1048576.0:N1} MiB (generated in {generate.Elapsed.TotalSeconds:N1} s), {Environment.ProcessorCount} cores");

        var loaded = ConfigLoader.Load(config);
        await using var services = HostServices.BuildForCli(loaded);
        await services.GetRequiredService<IArchiveStore>().InitializeAsync(CancellationToken.None);
        var catalog = services.GetRequiredService<ConnectorCatalog>();
        var runner = services.GetRequiredService<SyncRunner>();

        var first = await runner.RunAsync(catalog.Create("bench"), new SyncRequest(), null, CancellationToken.None);
        var rssFirst = BenchArgs.PeakRssMiB();
        Report("first sync", first, rssFirst);
        var second = await runner.RunAsync(catalog.Create("bench"), new SyncRequest { Full = true }, null, CancellationToken.None);
        Report("unchanged re-sync", second, BenchArgs.PeakRssMiB());
        Console.WriteLine($"re-sync speed-up: {(double)first.DurationMs / Math.Max(1, second.DurationMs):N1}x; store {new FileInfo(Path.Combine(dir.Path, "data", "archive.db")).Length / 1048576.0:N0} MiB");
        var ok = first.Counts.Created == rows && second.Counts.Unchanged == rows;
        if (!ok) Console.WriteLine("WARNING: counts do not match the generated rows");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return ok ? 0 : 1;
    }

    private static void Report(string name, RunSummary s, double rss)
    {
        var rate = s.Counts.Read / Math.Max(0.001, s.DurationMs / 1000.0);
        Console.WriteLine($"{name,-18} {s.Status}: read {s.Counts.Read:N0} created {s.Counts.Created:N0} unchanged {s.Counts.Unchanged:N0} " +
            $"quarantined {s.Counts.Quarantined:N0} in {s.DurationMs / 1000.0:N2} s = {rate:N0} records/s; peak RSS {rss:N0} MiB");
    }
}
