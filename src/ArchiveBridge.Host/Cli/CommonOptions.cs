using System.CommandLine;

namespace ArchiveBridge.Host.Cli;

/// <summary>Options every verb takes.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Config file (default: ./archivebridge.json, else samples/archivebridge.json)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON",
        Recursive = true,
    };
}
