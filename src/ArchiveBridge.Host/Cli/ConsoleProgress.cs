using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Host.Cli;

/// <summary>A live progress line on stderr (records, records/s) for runs longer than a second.</summary>
internal sealed class ConsoleProgress : IProgress<RunProgress>
{
    private bool _shown;

    public void Report(RunProgress value)
    {
        if (value.Elapsed < TimeSpan.FromSeconds(1)) return;
        var rate = value.Read / Math.Max(0.001, value.Elapsed.TotalSeconds);
        Console.Error.Write($"\r{value.Connector}: {value.Read:N0} records ({rate:N0}/s)   ");
        _shown = true;
    }

    public void Clear()
    {
        if (_shown) Console.Error.Write("\r" + new string(' ', 60) + "\r");
    }
}
