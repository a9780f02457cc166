namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Whether a path named by a source stays inside the connector's root. Checked twice: on the text
/// (<c>..</c>, absolute paths) and on the real location, following symbolic links of every existing folder
/// and of the file, so a link inside the root cannot point out of it.
/// </summary>
public static class PathRules
{
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// True when <paramref name="path"/> (relative to <paramref name="root"/>, or absolute) lies strictly inside
    /// <paramref name="root"/>; <paramref name="fullPath"/> is where it really leads (links resolved).
    /// </summary>
    public static bool IsInsideRoot(string root, string path, out string fullPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(path);

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        fullPath = Path.GetFullPath(Path.Combine(fullRoot, path));
        if (!IsUnder(fullRoot, fullPath))
            return false;

        var realRoot = Resolve(fullRoot);
        fullPath = Resolve(fullPath);
        return IsUnder(realRoot, fullPath);
    }

    private static bool IsUnder(string root, string candidate) =>
        candidate.Length > root.Length + 1
        && candidate.StartsWith(root, PathComparison)
        && (candidate[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar));

    /// <summary>The path with every symbolic link among its existing parts replaced by its target.</summary>
    private static string Resolve(string fullPath, int hops = 0)
    {
        var current = Path.GetPathRoot(fullPath)!;
        var parts = fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                    throw new IOException($"too many levels of symbolic links resolving '{fullPath}'");
                next = Resolve(Path.GetFullPath(Path.Combine(current, target)), hops);
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
