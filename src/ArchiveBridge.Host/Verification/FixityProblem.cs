namespace ArchiveBridge.Host.Verification;

/// <summary>
/// One thing <see cref="FixityVerifier"/> found wrong, named so an archivist can find it: for a stored record or
/// one of its files the record id, 档号, file name and SHA-256; for the archive as a whole (件号 of a partition,
/// a run's counts) the <see cref="PartitionKey"/> or <see cref="RunId"/>, the record fields then being null.
/// </summary>
/// <param name="CheckId">A <see cref="FixityCheckId"/> or a <c>Core.Checks.CheckId</c>.</param>
/// <param name="Level"><see cref="FixityProblem.Fail"/> or <see cref="FixityProblem.Warn"/> (a check configured to warn).</param>
public sealed record FixityProblem(string? RecordId, string? ArchivalCode, string? Connector, string? SourceKey, int? Version,
    string? FileName, string? Sha256, string CheckId, string Level, string Message, string MessageZh)
{
    public const string Fail = "fail";
    public const string Warn = "warn";

    /// <summary>The 件号 partition (the 档号 with its <c>{itemNo}</c> placeholder) an archive-wide problem is about.</summary>
    public string? PartitionKey { get; init; }

    /// <summary>The run an archive-wide problem is about.</summary>
    public string? RunId { get; init; }

    public override string ToString()
    {
        var level = Level == Fail ? "FAIL" : "warn";
        if (RecordId is null)
        {
            var subject = PartitionKey is not null ? $"partition {PartitionKey}" : $"run {RunId ?? "-"}{(Connector is null ? "" : $" ({Connector})")}";
            return $"{level} {CheckId}  {subject}: {MessageZh} / {Message}";
        }
        var file = FileName is null ? "" : $"  file {FileName}{(Sha256 is null ? "" : $" sha256 {Sha256}")}";
        return $"{level} {CheckId}  record {RecordId} 档号 {ArchivalCode ?? "-"} ({Connector}/{SourceKey} v{Version}){file}: {MessageZh} / {Message}";
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

    /// <summary>件号 partitions whose numbering was checked against the allocator.</summary>
    public long Partitions { get; init; }

    /// <summary>Finished runs whose counts were reconciled.</summary>
    public long Runs { get; init; }

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

    /// <summary>
    /// 完整性: the 件号 of each partition are exactly 1..n, n the allocator's last number (<c>code_sequences</c>): a gap
    /// is a deleted record, a number beyond n or used twice a row ArchiveBridge did not write.
    /// </summary>
    public const string ItemNoContiguous = "integrity.item_no_contiguous";

    /// <summary>完整性: every finished run's counts reconcile: read = created + versioned + unchanged + duplicates + quarantined + failed.</summary>
    public const string RunCountsReconcile = "integrity.run_counts_reconcile";

    /// <summary>真实性: no two records hold one 档号 (the unique index guards a healthy store; this finds a tampered one).</summary>
    public const string ArchivalCodeUnique = "authenticity.archival_code_unique";

    /// <summary>真实性 (warn): a 文号 + 题名 archived under another identity that is not linked as its duplicate.</summary>
    public const string DocNumberTitleUnique = "authenticity.doc_number_title_unique";
}
