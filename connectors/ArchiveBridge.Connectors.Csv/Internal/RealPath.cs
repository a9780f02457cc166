namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// The path a file system path really leads to, with every symbolic link along it followed (what <c>realpath</c>
/// does; .NET resolves only the last component). Components that do not exist are kept as written.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string fullPath)
    {
        var links = 0;
        return Resolve(fullPath, ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var parts = fullPath[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"too many symbolic links resolving {fullPath}");
                // A relative target is relative to the folder holding the link; the target may pass through links itself.
                next = Resolve(Path.GetFullPath(Path.Combine(current, target)), ref links);
            }
            else if (!info.Exists && !Directory.Exists(next))
            {
                return Path.Combine([next, .. parts[(i + 1)..]]);
            }
            current = next;
        }
        return current;
    }
}
