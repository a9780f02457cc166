using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Opens attachment files named by CSV rows, only under the attachment root: absolute paths, <c>..</c> and symbolic
/// links that lead outside it are refused (<c>attachment_outside_root</c>), as are missing and oversized files.
/// </summary>
internal sealed class AttachmentResolver(string root, long maxBytes)
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public ValueTask<Stream> OpenAsync(AttachmentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        cancellationToken.ThrowIfCancellationRequested();
        var path = Resolve(reference.Location);
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AttachmentException(ReasonCodes.AttachmentMissing, $"attachment file '{reference.Location}' does not exist (looked for {path})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AttachmentException(ReasonCodes.AttachmentUnreadable, $"attachment file '{reference.Location}' ({path}) cannot be read: {e.Message}", e);
        }
        // Checked on the open handle, so the size is that of the file actually read.
        if (stream.Length > maxBytes)
        {
            var size = stream.Length;
            stream.Dispose();
            throw new AttachmentException(ReasonCodes.AttachmentTooLarge,
                $"attachment file '{reference.Location}' ({path}) is {size} bytes, more than maxAttachmentBytes ({maxBytes})");
        }
        return ValueTask.FromResult<Stream>(stream);
    }

    /// <summary>The real path of the file <paramref name="location"/> names, checked to lie under the root.</summary>
    public string Resolve(string location)
    {
        var text = location.Trim();
        if (text.Length == 0)
            throw new AttachmentException(ReasonCodes.AttachmentMissing, "the attachment path is empty");
        if (text.Contains("://", StringComparison.Ordinal))
            throw new AttachmentException(ReasonCodes.AttachmentHostNotAllowed,
                $"attachment '{text}' is a URL; the CSV connector only opens files under its attachmentsRoot ({Root})");

        // Exports made on Windows write backslashes; a leading slash, a drive letter or a UNC path is absolute anywhere.
        var relative = text.Replace('\\', '/');
        if (relative.StartsWith('/') || (relative.Length >= 2 && relative[1] == ':' && char.IsAsciiLetter(relative[0])) || Path.IsPathRooted(relative))
            throw Outside($"attachment path '{text}' is absolute; attachment paths must be relative to attachmentsRoot ({Root})");

        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!IsUnder(full, Root))
            throw Outside($"attachment path '{text}' resolves to {full}, outside attachmentsRoot ({Root})");

        var real = RealPath.Resolve(full);
        if (!IsUnder(real, RealPath.Resolve(Root)))
            throw Outside($"attachment path '{text}' leads through a symbolic link to {real}, outside attachmentsRoot ({Root})");
        if (Directory.Exists(real))
            throw new AttachmentException(ReasonCodes.AttachmentUnreadable, $"attachment path '{text}' ({real}) is a folder, not a file");
        return real;
    }

    private static bool IsUnder(string path, string root)
    {
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        return path.Length > trimmedRoot.Length
            && path.StartsWith(trimmedRoot, PathComparison)
            && (path[trimmedRoot.Length] == Path.DirectorySeparatorChar || path[trimmedRoot.Length] == Path.AltDirectorySeparatorChar);
    }

    private static AttachmentException Outside(string message) => new(ReasonCodes.AttachmentOutsideRoot, message);
}
