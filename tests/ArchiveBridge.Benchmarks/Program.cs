using ArchiveBridge.Benchmarks;

// End-to-end benches (ingest, webhooks) print their own figures; "micro" hands over to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBench.RunAsync(args[1..]),
    "micro" => MicroBenchmarks.Run(args[1..]),
    "webhooks" => await WebhookBench.RunAsync(args[1..]),
    "checks-cost" => await ChecksCostBench.RunAsync(args[1..]),
    "store-floor" => await StoreFloorBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ArchiveBridge.Benchmarks -- ingest [--rows N] [--batch N] [--no-checks] [--attachments] [--first-only] [--stages | --stages-only]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/ArchiveBridge.Benchmarks -- webhooks [--requests N] [--concurrency 32] [--no-drain]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/ArchiveBridge.Benchmarks -- checks-cost [--rows N] [--rounds N] [--no-attachments]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/ArchiveBridge.Benchmarks -- store-floor [--rows N]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/ArchiveBridge.Benchmarks -- micro [BenchmarkDotNet args]");
    return 2;
}
