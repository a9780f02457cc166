using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Records;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace ArchiveBridge.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks of the per-record CPU path.</summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(FingerprintBenchmarks)]).Run(args);
        return 0;
    }
}

[MemoryDiagnoser]
public class FingerprintBenchmarks
{
    private readonly ArchiveRecord _record = new()
    {
        Fonds = "Z001", FondsUnit = "华东示范集团有限公司", Category = "RS", Year = 2024, Retention = "D30", Org = "RSC",
        Title = "关于张伟同志职务任免的通知", DocNumber = "人任〔2024〕15号", Date = "2024-03-05", Security = "内部", Pages = 3,
        Keywords = ["任免", "通知"], Extra = { ["employeeId"] = "E00123", ["employeeName"] = "张伟" },
    };

    [Benchmark]
    public string Fingerprint() => RecordFingerprint.Compute(_record);

    [Benchmark]
    public string MetadataJson() => RecordJson.Serialize(_record);
}
