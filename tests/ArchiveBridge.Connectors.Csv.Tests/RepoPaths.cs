namespace ArchiveBridge.Connectors.Csv.Tests;

/// <summary>Paths in the repository (samples, mappings), found from the test binaries upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveBridge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"ArchiveBridge.sln not found above {AppContext.BaseDirectory}");
    }
}
