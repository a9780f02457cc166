using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Opens an attachment a row names: inline BLOB bytes, or a path resolved under <c>attachmentsRoot</c>. A path
/// may not leave the root, neither with <c>..</c>, nor as an absolute path, nor through a symbolic link.
/// </summary>
internal sealed class AttachmentOpener(DatabaseSettings settings)
{
    /// <summary>Location prefix of a BLOB reference; such a reference never resolves to a file.</summary>
    public const string BlobScheme = "blob:";

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public Stream Open(AttachmentReference reference)
    {
        var max = settings.MaxAttachmentBytes;
        if (reference.InlineContent is { } content)
        {
            if (content.Length > max) throw TooLarge(reference.Location, content.Length);
            return new MemoryStream(content.ToArray(), writable: false);
        }
        if (reference.Location.StartsWith(BlobScheme, StringComparison.Ordinal))
            throw TooLarge(reference.Location, reference.DeclaredSize ?? -1);  // its bytes were dropped on read for being too large
        if (Uri.TryCreate(reference.Location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp")
            throw new AttachmentException(ReasonCodes.AttachmentHostNotAllowed,
                $"attachment '{reference.Location}' is a URL; the database connector only opens BLOBs and files under attachmentsRoot");
        if (settings.AttachmentsRoot is null)
            throw new AttachmentException(ReasonCodes.AttachmentOutsideRoot,
                $"attachment '{reference.Location}' is a path but settings.attachmentsRoot is not set ({settings.Definition.FieldPath("attachmentsRoot")})");

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.AttachmentsRoot));
        var full = Path.GetFullPath(Path.Combine(root, reference.Location.Replace('\\', '/')));
        if (!IsUnder(full, root) || EscapesThroughLink(full, root))
            throw new AttachmentException(ReasonCodes.AttachmentOutsideRoot, $"attachment '{reference.Location}' resolves outside attachmentsRoot '{root}'");
        var file = new FileInfo(full);
        if (!file.Exists)
            throw new AttachmentException(ReasonCodes.AttachmentMissing, $"attachment '{reference.Location}' not found at '{full}'");
        if (file.Length > max) throw TooLarge(reference.Location, file.Length);
        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AttachmentException(ReasonCodes.AttachmentUnreadable, $"attachment '{reference.Location}' at '{full}' cannot be read: {ex.Message}", ex);
        }
    }

    private AttachmentException TooLarge(string location, long size) =>
        new(ReasonCodes.AttachmentTooLarge, $"attachment '{location}' is {size} bytes, over maxAttachmentBytes {settings.MaxAttachmentBytes}");

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>True when a link on the way from the root to the file points outside the root (or its real location).</summary>
    private static bool EscapesThroughLink(string full, string root)
    {
        var realRoot = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? root;
        var current = root;
        foreach (var part in full[(root.Length + 1)..].Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !(IsUnder(target, root) || IsUnder(target, realRoot))) return true;
        }
        return false;
    }
}
