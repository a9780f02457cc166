using System.Diagnostics;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
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
        // --no-checks runs the same file without the 四性 ingest checks, to price them (issue: at most 15%).
        var checks = !BenchArgs.Flag(args, "--no-checks");
        // --attachments gives every 10th row one of the sample HR files (PDF, PNG …), so the file checks run too.
        var attachmentFiles = BenchArgs.Flag(args, "--attachments") ? BenchConfig.SampleAttachments() : [];
        using var dir = new TempDirectory();
        var csv = Path.Combine(dir.Path, "hr_export.csv");
        var generate = Stopwatch.StartNew();
        new HrCsvGenerator { AttachmentFiles = attachmentFiles }.WriteFile(csv, rows);
        generate.Stop();
        var config = await BenchConfig.WriteAsync(dir.Path, csv, checks, batch);
        Console.WriteLine($"ingest bench: {rows:N0} rows, GB18030 CSV {new FileInfo(csv).Length / 1048576.0:N1} MiB (generated in {generate.Elapsed.TotalSeconds:N1} s), {Environment.ProcessorCount} cores, 四性 checks {(checks ? "on (all but virus scan)" : "off")}, {(attachmentFiles.Length > 0 ? "a sample file on every 10th row" : "no attachments")}");

        var loaded = ConfigLoader.Load(config);
        await using var services = HostServices.BuildForCli(loaded);
        await services.GetRequiredService<IArchiveStore>().InitializeAsync(CancellationToken.None);
        var catalog = services.GetRequiredService<ConnectorCatalog>();
        var runner = services.GetRequiredService<SyncRunner>();
        if (BenchArgs.Flag(args, "--stages") || BenchArgs.Flag(args, "--stages-only")) await StagesAsync(catalog, loaded, services, writeStage: BenchArgs.Flag(args, "--stages-only"));
        if (BenchArgs.Flag(args, "--stages-only")) return 0;

        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var kernel0 = Process.GetCurrentProcess().PrivilegedProcessorTime;
        var io0 = FileIo.Now();
        var faults0 = PageFaults.Now();
        var gc0 = GcFigures.Now();
        var allocated0 = GC.GetTotalAllocatedBytes();
        // --gc-detail tallies the collections by generation (an event listener, so a little slower).
        using var gcTally = BenchArgs.Flag(args, "--gc-detail") ? new GcTally() : null;
        var first = await runner.RunAsync(catalog.Create("bench"), new SyncRequest(), null, CancellationToken.None);
        var rssFirst = BenchArgs.PeakRssMiB();
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        Report("first sync", first, rssFirst, cpu1 - cpu0);
        // The kernel's share is mostly copying pages into files (the WAL, the checkpoint, index builds).
        Console.WriteLine($"first sync         of which kernel {(Process.GetCurrentProcess().PrivilegedProcessorTime - kernel0).TotalMicroseconds / Math.Max(1, rows):N1} µs per record; {FileIo.Now() - io0}; {PageFaults.Now() - faults0}");
        Console.WriteLine($"first sync         GC: {GcFigures.Now() - gc0}, {(GC.GetTotalAllocatedBytes() - allocated0) / Math.Max(1, rows):N0} B allocated per record");
        if (gcTally is not null) Console.WriteLine($"first sync         GC by generation: {gcTally}{Environment.NewLine}allocated by type:{Environment.NewLine}{gcTally.TopAllocations(30)}");
        // --keep DIR keeps a copy of the store after the first sync, to look at what a record costs on disk.
        if (BenchArgs.Text(args, "--keep", "") is { Length: > 0 } keep)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(keep);
            foreach (var file in Directory.GetFiles(Path.Combine(dir.Path, "data"), "archive.db*")) File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }
        // --first-only skips the re-sync: the first sync is the figure a change to the insert path moves.
        if (BenchArgs.Flag(args, "--first-only")) return first.Counts.Created == rows ? 0 : 1;
        var second = await runner.RunAsync(catalog.Create("bench"), new SyncRequest { Full = true }, null, CancellationToken.None);
        Report("unchanged re-sync", second, BenchArgs.PeakRssMiB(), Process.GetCurrentProcess().TotalProcessorTime - cpu1);
        Console.WriteLine($"re-sync speed-up: {(double)first.DurationMs / Math.Max(1, second.DurationMs):N1}x; store {new FileInfo(Path.Combine(dir.Path, "data", "archive.db")).Length / 1048576.0:N0} MiB");
        var ok = first.Counts.Created == rows && second.Counts.Unchanged == rows;
        if (!ok) Console.WriteLine("WARNING: counts do not match the generated rows");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return ok ? 0 : 1;
    }

    /// <summary>
    /// Where the time goes: the source alone, then source + map/validate/fingerprint/serialize (the CPU stage),
    /// each on one thread without the store; with <paramref name="writeStage"/> also the store alone, writing
    /// records prepared beforehand (this fills the store, so the end-to-end runs are skipped).
    /// </summary>
    private static async Task StagesAsync(ConnectorCatalog catalog, LoadedConfig loaded, IServiceProvider services, bool writeStage)
    {
        var context = new ReadContext { RunId = "stages", Full = true };
        var allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        long n = 0;
        await foreach (var _ in catalog.Create("bench").Connector.ReadAsync(context, CancellationToken.None)) n++;
        Console.WriteLine($"stage: read only       {n:N0} in {clock.Elapsed.TotalSeconds:N2} s = {n / clock.Elapsed.TotalSeconds:N0} records/s, {(GC.GetTotalAllocatedBytes(true) - allocated) / n:N0} B allocated per record");

        var runtime = catalog.Create("bench");
        var preparer = new RecordPreparer(runtime, loaded.Options.Archive, TimeProvider.System, runtime.ChecksEnabled ? services.GetService<IngestChecks>() : null);
        var batches = new List<List<PreparedRecord>>();
        allocated = GC.GetTotalAllocatedBytes(true);
        clock.Restart();
        await foreach (var source in runtime.Connector.ReadAsync(context, CancellationToken.None))
            _ = preparer.Prepare(source);
        Console.WriteLine($"stage: read + prepare  {n:N0} in {clock.Elapsed.TotalSeconds:N2} s = {n / clock.Elapsed.TotalSeconds:N0} records/s, {(GC.GetTotalAllocatedBytes(true) - allocated) / n:N0} B allocated per record");
        if (!writeStage) return;

        // The writer alone: every record prepared beforehand (held in memory, which the figure includes in its GC cost).
        await foreach (var source in runtime.Connector.ReadAsync(context, CancellationToken.None))
        {
            if (batches.Count == 0 || batches[^1].Count == loaded.Options.Pipeline.BatchSize) batches.Add(new List<PreparedRecord>(loaded.Options.Pipeline.BatchSize));
            batches[^1].Add(preparer.Prepare(source));
        }

        var store = services.GetRequiredService<IArchiveStore>();
        var run = await store.StartRunAsync("bench", "bench", runtime.MappingHash, CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        await using (var writer = await store.OpenWriterAsync(run, CancellationToken.None))
        {
            foreach (var batch in batches)
            {
                await writer.WriteAsync(batch, null, CancellationToken.None);
                if (writer.Uncommitted >= loaded.Options.Pipeline.CommitRecords) await writer.CommitAsync(CancellationToken.None);
            }
            await writer.CommitAsync(CancellationToken.None);
        }
        Console.WriteLine($"stage: write only      {n:N0} in {clock.Elapsed.TotalSeconds:N2} s = {n / clock.Elapsed.TotalSeconds:N0} records/s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / n:N1} µs per record");
    }

    private static void Report(string name, RunSummary s, double rss, TimeSpan cpu)
    {
        // CPU time per record says what the pipeline costs even when other work shares the machine.
        Console.WriteLine($"{name,-18} CPU {cpu.TotalSeconds:N2} s = {cpu.TotalMicroseconds / Math.Max(1, s.Counts.Read):N1} µs per record (2 cores: {2_000_000 / Math.Max(1, cpu.TotalMicroseconds / Math.Max(1, s.Counts.Read)):N0} records/s if both were ours and busy)");
        var rate = s.Counts.Read / Math.Max(0.001, s.DurationMs / 1000.0);
        Console.WriteLine($"{name,-18} {s.Status}: read {s.Counts.Read:N0} created {s.Counts.Created:N0} unchanged {s.Counts.Unchanged:N0} " +
            $"quarantined {s.Counts.Quarantined:N0} in {s.DurationMs / 1000.0:N2} s = {rate:N0} records/s; peak RSS {rss:N0} MiB");
    }

    /// <summary>Bytes this process passed to and from files through system calls (<c>/proc/self/io</c>; Linux only).</summary>
    private readonly record struct FileIo(long Read, long Written)
    {
        public static FileIo Now()
        {
            if (!File.Exists("/proc/self/io")) return default;
            long Field(string[] lines, string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal))[(name.Length + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var lines = File.ReadAllLines("/proc/self/io");
            return new FileIo(Field(lines, "rchar:"), Field(lines, "wchar:"));
        }

        public static FileIo operator -(FileIo a, FileIo b) => new(a.Read - b.Read, a.Written - b.Written);

        public override string ToString() => $"files read {Read / 1048576.0:N0} MiB, written {Written / 1048576.0:N0} MiB";
    }

    /// <summary>
    /// Page faults of this process (<c>/proc/self/stat</c>; Linux only): each minor fault is a page of memory the
    /// process touches for the first time, and on a virtual machine a page the host may have to find first.
    /// </summary>
    private readonly record struct PageFaults(long Minor)
    {
        public static PageFaults Now()
        {
            if (!File.Exists("/proc/self/stat")) return default;
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the parenthesised command name: state is field 3, minflt field 10.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return new PageFaults(long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture));
        }

        public static PageFaults operator -(PageFaults a, PageFaults b) => new(a.Minor - b.Minor);

        public override string ToString() => $"{Minor:N0} page faults";
    }

    private readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcFigures Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static GcFigures operator -(GcFigures a, GcFigures b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);

        public override string ToString() => $"{Gen0} gen0, {Gen1} gen1, {Gen2} gen2 collections, paused {Paused.TotalSeconds:N2} s";
    }
}
