using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Runs the 四性 checks of one stored attachment: declared digest (真实性), not empty, format identified,
/// fitting its name and allowed, PDF opens and is not encrypted (可用性), safe name, path inside its root,
/// virus scan (安全性). A check that is off, or does not apply (nothing declared, not a PDF, no scanner, no
/// source path), yields no result; format checks are skipped for an empty file, whose failure says it all.
/// A stored file (content-addressed, so its bytes never change) is read back and inspected once per process:
/// the same file attached to many records (a letterhead, a form) reuses that inspection, and only the checks
/// that depend on the name run again.
/// </summary>
public sealed class AttachmentChecker
{
    private const int MaxRemembered = 4096;

    private readonly CheckOptions _options;
    private readonly IVirusScanner? _virusScanner;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ContentInspection> _inspected = new(StringComparer.Ordinal);

    /// <summary>What the bytes of one stored file showed: a pure function of its SHA-256.</summary>
    private sealed record ContentInspection(bool DigestMatches, string StoredDigest, FileFormat Format, PdfInspection? Pdf);

    public AttachmentChecker(CheckOptions options, IVirusScanner? virusScanner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _virusScanner = virusScanner;
    }

    /// <summary>
    /// Checks <paramref name="request"/>. Throws <see cref="AttachmentException"/> (<c>attachment_unreadable</c>)
    /// when the stored file cannot be opened; every finding about the content is a result.
    /// </summary>
    public async Task<AttachmentCheckReport> CheckAsync(AttachmentCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.FilePath is null) == (request.Content is null))
            throw new ArgumentException($"attachment '{request.Name}': set exactly one of FilePath and Content", nameof(request));
        if (request.Content is { CanRead: false } or { CanSeek: false })
            throw new ArgumentException($"attachment '{request.Name}': Content must be readable and seekable", nameof(request));

        var recorder = new CheckRecorder(_options);
        var name = request.Name;
        CheckDeclaredDigest(request, recorder);

        var needScan = _virusScanner is not null && recorder.IsOn(CheckId.VirusScan);
        ContentInspection? known = null;
        if (request.FilePath is not null) _inspected.TryGetValue(request.Sha256, out known);
        var content = known is not null && !needScan ? null : request.Content ?? OpenStored(request);
        var position = content?.Position ?? 0;
        try
        {
            var inspection = known ?? Inspect(request, content!, recorder);
            if (request.FilePath is not null)
            {
                recorder.Add(CheckId.StoredDigestMatch, inspection.DigestMatches, name,
                    inspection.DigestMatches ? "the stored file reads back with the same SHA-256" : $"the stored file reads back as SHA-256 {inspection.StoredDigest}, not {request.Sha256}",
                    inspection.DigestMatches ? "存储后回读的 SHA-256 一致" : $"存储后回读的 SHA-256 为 {inspection.StoredDigest}，而非 {request.Sha256}");
                if (known is null && inspection.DigestMatches)
                {
                    if (_inspected.Count >= MaxRemembered) _inspected.Clear();
                    _inspected.TryAdd(request.Sha256, inspection);
                }
            }
            var format = inspection.Format;
            var pdf = inspection.Pdf;
            recorder.Add(CheckId.NotEmpty, request.Size > 0, name,
                request.Size > 0 ? $"{request.Size} bytes" : "the file is empty",
                request.Size > 0 ? $"{request.Size} 字节" : "文件为空");
            if (request.Size > 0)
            {
                CheckFormat(name, format, recorder);
                if (pdf is not null) CheckPdf(name, pdf, recorder);
            }

            var nameProblem = FileNameRules.FindProblem(name);
            recorder.Add(CheckId.FileNameSafe, nameProblem is null, name,
                nameProblem is { } p ? $"unsafe file name: {p.English}" : "the file name is safe",
                nameProblem is { } q ? $"文件名不安全：{q.Chinese}" : "文件名安全");
            CheckPathInRoot(request, recorder);

            var scan = needScan ? await ScanAsync(name, content!, recorder, cancellationToken).ConfigureAwait(false) : null;
            return new AttachmentCheckReport { Format = format, Pdf = pdf, VirusScan = scan, Results = recorder.Results };
        }
        finally
        {
            if (content is not null)
            {
                if (request.Content is null)
                    await content.DisposeAsync().ConfigureAwait(false);
                else
                    content.Position = position;
            }
        }
    }

    /// <summary>Reads the content: its digest (stored files only), format and, for a PDF, whether it opens.</summary>
    private static ContentInspection Inspect(AttachmentCheckRequest request, Stream content, CheckRecorder recorder)
    {
        var digestMatches = true;
        var storedDigest = request.Sha256;
        if (request.FilePath is not null)
        {
            content.Position = 0;
            storedDigest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            digestMatches = string.Equals(storedDigest, request.Sha256, StringComparison.OrdinalIgnoreCase);
            content.Position = 0;
        }
        if (request.Size <= 0) return new ContentInspection(digestMatches, storedDigest, FileFormat.Other, null);
        var format = FormatIdentifier.Identify(content);
        PdfInspection? pdf = null;
        if (format == FileFormat.Pdf && (recorder.IsOn(CheckId.PdfOpens) || recorder.IsOn(CheckId.PdfNotEncrypted)))
            pdf = PdfInspector.Inspect(content);
        return new ContentInspection(digestMatches, storedDigest, format, pdf);
    }

    private static void CheckDeclaredDigest(AttachmentCheckRequest request, CheckRecorder recorder)
    {
        if (request.DeclaredSha256 is null && request.DeclaredSize is null)
            return;
        var en = new List<string>();
        var zh = new List<string>();
        if (request.DeclaredSha256 is { } sha && !string.Equals(sha.Trim(), request.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            en.Add($"declared SHA-256 {sha} but the bytes hash to {request.Sha256}");
            zh.Add($"声明的 SHA-256 为 {sha}，实际为 {request.Sha256}");
        }
        if (request.DeclaredSize is { } size && size != request.Size)
        {
            en.Add($"declared {size} bytes but {request.Size} were received");
            zh.Add($"声明大小 {size} 字节，实际接收 {request.Size} 字节");
        }
        recorder.Add(CheckId.DigestDeclaredMatch, en.Count == 0, request.Name,
            en.Count == 0 ? "the declared digest and size match the bytes received" : string.Join("; ", en),
            zh.Count == 0 ? "声明的摘要与大小和接收的文件一致" : string.Join("；", zh));
    }

    private void CheckFormat(string name, FileFormat format, CheckRecorder recorder)
    {
        recorder.Add(CheckId.FormatIdentified, format.IsIdentified, name,
            format.IsIdentified ? $"identified as {format.Id} ({format.MediaType})" : "the format could not be identified from the content",
            format.IsIdentified ? $"识别为 {format.Id} 格式" : "无法根据内容识别文件格式");
        if (format.IsIdentified)
        {
            var expected = string.Join(" ", format.Extensions);
            recorder.Add(CheckId.FormatMatchesName, format.MatchesName(name), name,
                format.MatchesName(name) ? $"the extension fits {format.Id}" : $"'{name}' holds {format.Id} content; expected extension {expected}",
                format.MatchesName(name) ? $"扩展名与 {format.Id} 格式相符" : $"“{name}”的内容为 {format.Id} 格式，扩展名应为 {expected}");
        }
        var allowed = _options.IsFormatAllowed(format.Id);
        var list = string.Join(", ", _options.AllowedFormats ?? CheckOptions.DefaultAllowedFormats);
        recorder.Add(CheckId.FormatAllowed, allowed, name,
            allowed ? $"{format.Id} is an allowed archival format" : $"{format.Id} is not an allowed archival format ({list})",
            allowed ? $"{format.Id} 属于允许的归档格式" : $"{format.Id} 不属于允许的归档格式（{list}）");
    }

    private static void CheckPdf(string name, PdfInspection pdf, CheckRecorder recorder)
    {
        var opens = pdf.Opens && pdf.PageCount > 0;
        recorder.Add(CheckId.PdfOpens, opens, name,
            opens ? $"opens, {pdf.PageCount} page(s)" : pdf.Opens ? "opens but has no pages" : $"does not open: {pdf.Error}",
            opens ? $"可以打开，共 {pdf.PageCount} 页" : pdf.Opens ? "可以打开但没有页面" : $"无法打开：{pdf.Error}");
        if (pdf.Opens || pdf.Encrypted) // a PDF that fails to parse for another reason says nothing about encryption
        {
            recorder.Add(CheckId.PdfNotEncrypted, !pdf.Encrypted, name,
                pdf.Encrypted ? "the PDF is encrypted" : "the PDF is not encrypted",
                pdf.Encrypted ? "PDF 已加密" : "PDF 未加密");
        }
    }

    private static void CheckPathInRoot(AttachmentCheckRequest request, CheckRecorder recorder)
    {
        if (request.SourcePath is null || string.IsNullOrWhiteSpace(request.SourceRoot) || !recorder.IsOn(CheckId.PathInRoot))
            return;
        string en, zh;
        try
        {
            var inside = PathRules.IsInsideRoot(request.SourceRoot, request.SourcePath, out var where);
            (en, zh) = inside
                ? ($"'{request.SourcePath}' is inside the root '{request.SourceRoot}'", $"“{request.SourcePath}”位于根目录“{request.SourceRoot}”内")
                : ($"'{request.SourcePath}' leads to '{where}', outside the root '{request.SourceRoot}'", $"“{request.SourcePath}”指向“{where}”，超出根目录“{request.SourceRoot}”");
            recorder.Add(CheckId.PathInRoot, inside, request.Name, en, zh);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            (en, zh) = ($"'{request.SourcePath}' cannot be resolved under '{request.SourceRoot}': {ex.Message}", $"无法在“{request.SourceRoot}”下解析“{request.SourcePath}”：{ex.Message}");
            recorder.Add(CheckId.PathInRoot, false, request.Name, en, zh);
        }
    }

    private async Task<VirusScanResult?> ScanAsync(string name, Stream content, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        if (_virusScanner is null || !recorder.IsOn(CheckId.VirusScan))
            return null;
        content.Position = 0;
        var scan = await _virusScanner.ScanAsync(content, cancellationToken).ConfigureAwait(false);
        var (en, zh) = scan.Status switch
        {
            VirusScanStatus.Clean => ("no virus found", "未发现病毒"),
            VirusScanStatus.Infected => ($"virus found: {scan.Signature}", $"发现病毒：{scan.Signature}"),
            _ => ($"virus scan failed: {scan.ErrorMessage}", $"病毒扫描失败：{scan.ErrorMessage}"),
        };
        recorder.Add(CheckId.VirusScan, scan.Status == VirusScanStatus.Clean, name, en, zh);
        return scan;
    }

    private static FileStream OpenStored(AttachmentCheckRequest request)
    {
        try
        {
            return new FileStream(request.FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AttachmentException(ReasonCodes.AttachmentUnreadable,
                $"attachment '{request.Name}': stored file '{request.FilePath}' cannot be read: {ex.Message}", ex);
        }
    }
}
