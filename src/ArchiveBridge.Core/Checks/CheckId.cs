namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Stable identifiers of the ingest checks, <c>property.name</c>. Reports, quarantine reasons and
/// <see cref="CheckOptions.Levels"/> use them; never rename one.
/// </summary>
public static class CheckId
{
    /// <summary>来源 recorded: connector id and source key.</summary>
    public const string SourceRecorded = "authenticity.source_recorded";

    /// <summary>The digest and size the source declared match the bytes received.</summary>
    public const string DigestDeclaredMatch = "authenticity.digest_declared_match";

    /// <summary>The stored file, read back after it was written, still hashes to the digest computed on arrival.</summary>
    public const string StoredDigestMatch = "authenticity.stored_digest_match";

    /// <summary>The 档号 is the one the template makes from the record's own metadata.</summary>
    public const string ArchivalCodeWellFormed = "authenticity.archival_code_wellformed";

    /// <summary>The required metadata (题名, 日期, 保管期限, 全宗号, 门类, 年度 …) is present.</summary>
    public const string RequiredMetadata = "integrity.required_metadata";

    /// <summary>As many attachments were found as the source declared.</summary>
    public const string AttachmentCount = "integrity.attachment_count";

    public const string FormatIdentified = "usability.format_identified";
    public const string FormatMatchesName = "usability.format_matches_name";
    public const string FormatAllowed = "usability.format_allowed";
    public const string NotEmpty = "usability.not_empty";
    public const string PdfOpens = "usability.pdf_opens";
    public const string PdfNotEncrypted = "usability.pdf_not_encrypted";

    /// <summary>An attachment path named by the source stays inside the connector's root (symbolic links followed).</summary>
    public const string PathInRoot = "security.path_in_root";

    public const string FileNameSafe = "security.file_name_safe";
    public const string VirusScan = "security.virus_scan";
}
