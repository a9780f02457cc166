using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// Fetches a prepared record's attachments through its connector, streams them into the blob store (hashed
/// once, stored once per SHA-256), checks declared digests and sizes (真实性), then completes the fingerprint.
/// Any failure turns into the record's quarantine problem; the run goes on.
/// </summary>
public sealed class AttachmentIngester(IBlobStore blobs, long maxBytes, IngestChecks? checks = null, TimeProvider? time = null)
{
    public async Task IngestAsync(ConnectorRuntime runtime, PreparedRecord prepared, CancellationToken cancellationToken)
    {
        var record = prepared.Record!;
        try
        {
            foreach (var reference in prepared.PendingAttachments)
            {
                StoredBlob blob;
                await using (var stream = await runtime.Connector.OpenAttachmentAsync(reference, cancellationToken).ConfigureAwait(false))
                {
                    blob = await blobs.PutAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
                }
                CheckDeclared(reference, blob);
                var stored = new AttachmentInfo
                {
                    Name = reference.FileName,
                    Sha256 = blob.Sha256,
                    Size = blob.Size,
                    MediaType = reference.MediaType ?? MediaTypes.FromFileName(reference.FileName),
                };
                record.Attachments.Add(stored);
                if (checks is not null)
                {
                    var at = (time ?? TimeProvider.System).GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                    await checks.CheckAttachmentAsync(prepared, reference, stored, at, cancellationToken).ConfigureAwait(false);
                    if (prepared.Problem is not null) return;
                }
            }
            record.Fingerprint = RecordFingerprint.Compute(record);
        }
        catch (AttachmentException ex)
        {
            prepared.Problem = new RecordProblem(ex.Reason, ex.Message) { Field = "attachments", MessageZh = ZhFor(ex.Reason, ex.Message) };
            prepared.Record = null;
        }
        catch (IOException ex)
        {
            prepared.Problem = new RecordProblem(ReasonCodes.AttachmentUnreadable, $"attachment could not be read: {ex.Message}")
            { Field = "attachments", MessageZh = $"附件读取失败：{ex.Message}" };
            prepared.Record = null;
        }
    }

    private static void CheckDeclared(AttachmentReference reference, StoredBlob blob)
    {
        if (reference.DeclaredSha256 is { Length: > 0 } declared && !declared.Equals(blob.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new AttachmentException(ReasonCodes.AttachmentDigestMismatch,
                $"attachment '{reference.FileName}': declared SHA-256 {declared} but received {blob.Sha256}");
        }
        if (reference.DeclaredSize is { } size && size != blob.Size)
        {
            throw new AttachmentException(ReasonCodes.AttachmentDigestMismatch,
                $"attachment '{reference.FileName}': declared size {size} bytes but received {blob.Size}");
        }
    }

    private static string ZhFor(string reason, string detail) => reason switch
    {
        ReasonCodes.AttachmentMissing => $"附件不存在：{detail}",
        ReasonCodes.AttachmentOutsideRoot => $"附件路径超出允许的根目录：{detail}",
        ReasonCodes.AttachmentTooLarge => $"附件超过大小上限：{detail}",
        ReasonCodes.AttachmentHostNotAllowed => $"附件地址不在允许的主机列表中：{detail}",
        ReasonCodes.AttachmentDigestMismatch => $"附件摘要或大小与来源声明不符：{detail}",
        _ => $"附件处理失败：{detail}",
    };
}
