using System.Diagnostics;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.TestUtils;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Benchmarks;

/// <summary>
/// What the 四性 ingest checks cost: the same generated GB18030 HR export (a sample file — PDF, PNG, … — on
/// every 10th row unless <c>--no-attachments</c>) is synced into fresh stores with the checks on (every check
/// but the virus scan) and off, alternately, several rounds; prints the median records/s and CPU per record
/// of each and the cost (target: at most 15%). Alternating rounds keep other load on the machine from
/// favouring one side; a first warm-up round is not counted.
/// </summary>
internal static class ChecksCostBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 100_000);
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var attachmentFiles = BenchArgs.Flag(args, "--no-attachments") ? [] : BenchConfig.SampleAttachments();
        using var dir = new TempDirectory();
        var csv = Path.Combine(dir.Path, "hr_export.csv");
        new HrCsvGenerator { AttachmentFiles = attachmentFiles }.WriteFile(csv, rows);
        Console.WriteLine($"checks-cost bench: {rows:N0} rows, {(attachmentFiles.Length > 0 ? "a sample file on every 10th row" : "no attachments")}, {rounds} rounds of checks on / off");

        var on = new List<(double Rate, double CpuUs)>();
        var off = new List<(double Rate, double CpuUs)>();
        // Round 0 warms up (JIT, PDF parser, file cache) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var checks in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var result = await SyncOnceAsync(dir.Path, csv, checks, $"r{round}-{(checks ? "on" : "off")}");
                if (result is null) return 1;
                if (round > 0) (checks ? on : off).Add(result.Value);
                Console.WriteLine($"  {(round == 0 ? "warm-up" : $"round {round}")} checks {(checks ? "on " : "off")}: {result.Value.Rate:N0} records/s, CPU {result.Value.CpuUs:N1} µs per record");
            }
        }
        var rateOn = Median(on.Select(r => r.Rate));
        var rateOff = Median(off.Select(r => r.Rate));
        var cpuOn = Median(on.Select(r => r.CpuUs));
        var cpuOff = Median(off.Select(r => r.CpuUs));
        var cost = 1 - rateOn / rateOff;
        Console.WriteLine($"median: checks on {rateOn:N0} records/s ({cpuOn:N1} µs CPU), off {rateOff:N0} records/s ({cpuOff:N1} µs CPU)");
        Console.WriteLine($"checks cost {cost:P1} of throughput, {cpuOn / cpuOff - 1:P1} more CPU per record (target at most 15%) -> {(cost <= 0.15 ? "PASS" : "MISS")}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<(double Rate, double CpuUs)?> SyncOnceAsync(string root, string csv, bool checks, string name)
    {
        var home = Path.Combine(root, name);
        Directory.CreateDirectory(home);
        var config = await BenchConfig.WriteAsync(home, csv, checks);
        var loaded = ConfigLoader.Load(config);
        await using var services = HostServices.BuildForCli(loaded);
        await services.GetRequiredService<IArchiveStore>().InitializeAsync(CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = await services.GetRequiredService<SyncRunner>().RunAsync(services.GetRequiredService<ConnectorCatalog>().Create("bench"), new SyncRequest(), null, CancellationToken.None);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (summary.Counts.Read == 0 || summary.Counts.Quarantined > 0 || summary.Counts.Failed > 0)
        {
            Console.WriteLine($"WARNING: {name}: {summary.Status} read {summary.Counts.Read} quarantined {summary.Counts.Quarantined} failed {summary.Counts.Failed} {summary.Error}");
            return null;
        }
        return (summary.Counts.Read / Math.Max(0.001, summary.DurationMs / 1000.0), used.TotalMicroseconds / summary.Counts.Read);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
