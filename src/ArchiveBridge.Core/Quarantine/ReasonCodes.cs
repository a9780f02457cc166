namespace ArchiveBridge.Core.Quarantine;

/// <summary>Why a record went to quarantine. Stable strings: scripts and auditors filter on them.</summary>
public static class ReasonCodes
{
    public const string MalformedRow = "malformed_row";
    public const string MissingField = "missing_field";
    public const string BadDate = "bad_date";
    public const string BadNumber = "bad_number";
    public const string BadFormat = "bad_format";
    public const string UnknownValue = "unknown_value";
    public const string AttachmentMissing = "attachment_missing";
    public const string AttachmentOutsideRoot = "attachment_outside_root";
    public const string AttachmentTooLarge = "attachment_too_large";
    public const string AttachmentHostNotAllowed = "attachment_host_not_allowed";
    public const string AttachmentDigestMismatch = "attachment_digest_mismatch";
    public const string AttachmentUnreadable = "attachment_unreadable";
    public const string MappingError = "mapping_error";
    public const string CheckFailed = "check_failed";
    public const string SourceError = "source_error";
}
