using System.Text.Json;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// Proves now what ingest proved once (四性, DA/T 70-2018): re-reads every blob the stored records reference and
/// compares its SHA-256 and size (bit rot, tampering, a missing file), checks that the stored metadata still
/// hashes to the record's fingerprint, and re-runs the record checks (档号 well-formed, required metadata) and the
/// format/usability checks of each current attachment. Records are read in pages by id, so memory is bounded by one
/// page whatever the archive's size; each problem is handed to the caller as soon as it is found. Then the checks of
/// the archive as a whole (<see cref="ArchiveIntegrityChecks"/>): 件号 contiguous, 档号 unique, 文号 + 题名 under one
/// identity, run counts reconciled.
/// </summary>
public sealed class FixityVerifier
{
    private readonly ArchiveStore _store;
    private readonly IBlobStore _blobs;
    private readonly RecordChecker _recordChecker;
    private readonly AttachmentChecker _attachmentChecker;

    public FixityVerifier(ArchiveStore store, IBlobStore blobs, RecordChecker recordChecker, AttachmentChecker attachmentChecker)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(recordChecker);
        ArgumentNullException.ThrowIfNull(attachmentChecker);
        (_store, _blobs, _recordChecker, _attachmentChecker) = (store, blobs, recordChecker, attachmentChecker);
    }

    /// <summary>
    /// Verifies the records of <paramref name="request"/>, calling <paramref name="onProblem"/> for each problem: the
    /// records' in id order, then the archive-wide ones.
    /// </summary>
    public async Task<FixitySummary> VerifyAsync(FixityRequest request, Func<FixityProblem, CancellationToken, ValueTask> onProblem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onProblem);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PageSize, 1);
        var tally = new FixityTally(onProblem);
        string? after = null;
        while (true)
        {
            var page = await FixityPage.LoadAsync(_store, request.ConnectorId, after, request.PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Records.Count == 0) break;
            // Blobs shared by records of one page are read once; the cache lives as long as the page.
            var blobs = new Dictionary<string, BlobReading>(StringComparer.Ordinal);
            foreach (var row in page.Records)
                await VerifyRecordAsync(row, page.AttachmentsOf(row.Id), blobs, tally, cancellationToken).ConfigureAwait(false);
            after = page.Records[^1].Id;
        }
        await ArchiveIntegrityChecks.RunAsync(_store, request.ConnectorId, tally, cancellationToken).ConfigureAwait(false);
        return tally.Summary();
    }

    private async Task VerifyRecordAsync(StoredRecord row, IReadOnlyList<StoredAttachment> attachments,
        Dictionary<string, BlobReading> blobs, FixityTally tally, CancellationToken ct)
    {
        tally.Records++;
        var record = await VerifyMetadataAsync(row, attachments, tally, ct).ConfigureAwait(false);
        foreach (var a in attachments)
        {
            tally.Attachments++;
            if (!blobs.TryGetValue(a.Sha256, out var blob))
            {
                blob = await BlobReader.ReadAsync(_blobs, a.Sha256, ct).ConfigureAwait(false);
                blobs[a.Sha256] = blob;
                tally.BlobsRead++;
                tally.BytesRead += blob.Size;
            }
            var intact = await VerifyBlobAsync(row, a, blob, tally, ct).ConfigureAwait(false);
            // Usability is a property of what is archived now: the current version's files, when their bytes are sound.
            if (intact && a.Version == row.Version && record is not null)
                await CheckAttachmentAsync(row, a, blob, tally, ct).ConfigureAwait(false);
        }
    }

    private async Task<ArchiveRecord?> VerifyMetadataAsync(StoredRecord row, IReadOnlyList<StoredAttachment> attachments, FixityTally tally, CancellationToken ct)
    {
        ArchiveRecord record;
        try { record = StoredRecordJson.Deserialize(row.Metadata, row.Columns); }
        catch (JsonException ex)
        {
            await tally.ProblemAsync(row, null, FixityCheckId.MetadataReadable, FixityProblem.Fail,
                $"the stored metadata is not a canonical record: {ex.Message}", $"存储的元数据无法解析为标准记录：{ex.Message}", ct).ConfigureAwait(false);
            return null;
        }

        var fingerprint = RecordFingerprint.Compute(record);
        if (!string.Equals(fingerprint, row.Fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            await tally.ProblemAsync(row, null, FixityCheckId.MetadataFingerprint, FixityProblem.Fail,
                $"the stored metadata hashes to {fingerprint}, not to the record's fingerprint {row.Fingerprint}: it was changed after archiving",
                $"存储的元数据摘要为 {fingerprint}，与记录的数字摘要 {row.Fingerprint} 不符：归档后被修改", ct).ConfigureAwait(false);
        }
        var listed = record.Attachments.Select(a => a.Sha256.ToLowerInvariant()).Order(StringComparer.Ordinal);
        var stored = attachments.Where(a => a.Version == row.Version).Select(a => a.Sha256.ToLowerInvariant()).Order(StringComparer.Ordinal);
        if (!listed.SequenceEqual(stored))
        {
            await tally.ProblemAsync(row, null, FixityCheckId.AttachmentsMatchMetadata, FixityProblem.Fail,
                $"the attachment rows of version {row.Version} ({string.Join(", ", stored)}) are not the files the metadata lists ({string.Join(", ", listed)})",
                $"第 {row.Version} 版的附件记录（{string.Join("，", stored)}）与元数据所列文件（{string.Join("，", listed)}）不符", ct).ConfigureAwait(false);
        }
        foreach (var result in _recordChecker.Check(record).Where(r => !r.Passed))
            await tally.ResultAsync(row, null, result, ct).ConfigureAwait(false);
        return record;
    }

    private static async Task<bool> VerifyBlobAsync(StoredRecord row, StoredAttachment a, BlobReading blob, FixityTally tally, CancellationToken ct)
    {
        if (!blob.Present)
        {
            await tally.ProblemAsync(row, a, FixityCheckId.BlobPresent, FixityProblem.Fail,
                $"the stored file {blob.Path} is missing", $"存储的文件 {blob.Path} 缺失", ct).ConfigureAwait(false);
            return false;
        }
        if (blob.Error is not null)
        {
            await tally.ProblemAsync(row, a, FixityCheckId.BlobPresent, FixityProblem.Fail,
                $"the stored file {blob.Path} cannot be read: {blob.Error}", $"存储的文件 {blob.Path} 无法读取：{blob.Error}", ct).ConfigureAwait(false);
            return false;
        }
        var ok = true;
        if (!string.Equals(blob.Sha256, a.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            ok = false;
            await tally.ProblemAsync(row, a, FixityCheckId.BlobSha256, FixityProblem.Fail,
                $"the stored file now hashes to {blob.Sha256}: its bytes changed (bit rot or tampering)",
                $"存储的文件现在的 SHA-256 为 {blob.Sha256}：内容已改变（介质损坏或被篡改）", ct).ConfigureAwait(false);
        }
        if (blob.Size != a.Size)
        {
            ok = false;
            await tally.ProblemAsync(row, a, FixityCheckId.BlobSize, FixityProblem.Fail,
                $"the stored file has {blob.Size} bytes, {a.Size} were archived", $"存储的文件为 {blob.Size} 字节，归档时为 {a.Size} 字节", ct).ConfigureAwait(false);
        }
        return ok;
    }

    private async Task CheckAttachmentAsync(StoredRecord row, StoredAttachment a, BlobReading blob, FixityTally tally, CancellationToken ct)
    {
        AttachmentCheckReport report;
        try
        {
            report = await _attachmentChecker.CheckAsync(new AttachmentCheckRequest { Name = a.Name, FilePath = blob.Path, Sha256 = a.Sha256, Size = a.Size }, ct)
                .ConfigureAwait(false);
        }
        catch (Core.Attachments.AttachmentException ex)
        {
            await tally.ProblemAsync(row, a, FixityCheckId.BlobPresent, FixityProblem.Fail, ex.Message, $"文件无法读取：{ex.Message}", ct).ConfigureAwait(false);
            return;
        }
        foreach (var result in report.Results.Where(r => !r.Passed))
            await tally.ResultAsync(row, a, result, ct).ConfigureAwait(false);
    }
}
