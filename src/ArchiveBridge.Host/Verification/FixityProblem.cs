namespace ArchiveBridge.Host.Verification;

/// <summary>
/// One thing <see cref="FixityVerifier"/> found wrong with a stored record or one of its files, named so an
/// archivist can find it: record id, 档号, file name and SHA-256, and what failed.
/// </summary>
/// <param name="CheckId">A <see cref="FixityCheckId"/> or a <c>Core.Checks.CheckId</c>.</param>
/// <param name="Level"><see cref="FixityProblem.Fail"/> or <see cref="FixityProblem.Warn"/> (a check configured to warn).</param>
public sealed record FixityProblem(string RecordId, string? ArchivalCode, string Connector, string SourceKey, int Version,
    string? FileName, string? Sha256, string CheckId, string Level, string Message, string MessageZh)
{
    public const string Fail = "fail";
    public const string Warn = "warn";

    public override string ToString()
    {
        var file = FileName is null ? "" : $"  file {FileName}{(Sha256 is null ? "" : $" sha256 {Sha256}")}";
        return $"{(Level == Fail ? "FAIL" : "warn")} {CheckId}  record {RecordId} 档号 {ArchivalCode ?? "-"} ({Connector}/{SourceKey} v{Version}){file}: {MessageZh} / {Message}";
    }
}

/// <summary>What one verification pass read and found.</summary>
public sealed record FixitySummary
{
    public long Records { get; init; }

    /// <summary>Attachment references checked, every version included.</summary>
    public long Attachments { get; init; }

    /// <summary>Distinct blob reads (a blob shared by records on one page is read once).</summary>
    public long BlobsRead { get; init; }
    public long BytesRead { get; init; }
    public long Failures { get; init; }
    public long Warnings { get; init; }
    public bool Ok => Failures == 0;
}

/// <summary>Ids of the fixity checks (on top of the ingest checks re-run on stored records).</summary>
public static class FixityCheckId
{
    /// <summary>The blob file a record references exists.</summary>
    public const string BlobPresent = "fixity.blob_present";

    /// <summary>The blob's bytes still hash to the SHA-256 it is named by (bit rot, tampering).</summary>
    public const string BlobSha256 = "fixity.blob_sha256";

    /// <summary>The blob's size is the size recorded for the attachment.</summary>
    public const string BlobSize = "fixity.blob_size";

    /// <summary>The stored metadata parses as a canonical record.</summary>
    public const string MetadataReadable = "fixity.metadata_readable";

    /// <summary>The stored metadata still hashes to the record's 数字摘要 (fingerprint).</summary>
    public const string MetadataFingerprint = "fixity.metadata_fingerprint";

    /// <summary>The attachment rows of the current version are the attachments the metadata lists.</summary>
    public const string AttachmentsMatchMetadata = "fixity.attachments_match_metadata";
}
