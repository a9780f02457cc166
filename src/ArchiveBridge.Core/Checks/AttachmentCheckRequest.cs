namespace ArchiveBridge.Core.Checks;

/// <summary>
/// One attachment to check: the bytes as stored (a file path or a seekable stream), the name the source gave,
/// what the source declared and what was computed while storing it.
/// </summary>
public sealed class AttachmentCheckRequest
{
    /// <summary>The file name to archive (<c>AttachmentReference.FileName</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The stored file. Set this or <see cref="Content"/>.</summary>
    public string? FilePath { get; init; }

    /// <summary>The stored bytes, seekable (read several times, left where it was). Set this or <see cref="FilePath"/>.</summary>
    public Stream? Content { get; init; }

    /// <summary>SHA-256 of the bytes received, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the bytes received.</summary>
    public required long Size { get; init; }

    /// <summary>The SHA-256 the source declared, if any (any case).</summary>
    public string? DeclaredSha256 { get; init; }

    /// <summary>The size the source declared, if any.</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>The path as the source named it; with <see cref="SourceRoot"/> it is checked by <c>security.path_in_root</c>.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The connector's attachments root.</summary>
    public string? SourceRoot { get; init; }
}
