namespace ArchiveBridge.Host.Reports;

/// <summary>Where a verb writes a report or export: the <c>--out</c> file, else standard output.</summary>
public static class ReportOutput
{
    /// <summary>Opens <paramref name="path"/> for writing (created or replaced, folders made), or stdout when null.</summary>
    public static Stream Open(string? path)
    {
        if (path is null) return Console.OpenStandardOutput();
        try
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            return new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Core.ArchiveBridgeException($"--out {path}: cannot write: {ex.Message}");
        }
    }
}
