using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Runs the 四性 checks of one stored attachment: declared digest (真实性), not empty, format identified,
/// fitting its name and allowed, PDF opens and is not encrypted (可用性), safe name, path inside its root,
/// virus scan (安全性). A check that is off, or does not apply (nothing declared, not a PDF, no scanner, no
/// source path), yields no result; format checks are skipped for an empty file, whose failure says it all.
/// </summary>
public sealed class AttachmentChecker
{
    private readonly CheckOptions _options;
    private readonly IVirusScanner? _virusScanner;

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

        var content = request.Content ?? OpenStored(request);
        var position = content.Position;
        try
        {
            var format = FileFormat.Other;
            PdfInspection? pdf = null;
            recorder.Add(CheckId.NotEmpty, request.Size > 0, name,
                request.Size > 0 ? $"{request.Size} bytes" : "the file is empty",
                request.Size > 0 ? $"{request.Size} 字节" : "文件为空");
            if (request.Size > 0)
            {
                format = FormatIdentifier.Identify(content);
                CheckFormat(name, format, recorder);
                if (format == FileFormat.Pdf && (recorder.IsOn(CheckId.PdfOpens) || recorder.IsOn(CheckId.PdfNotEncrypted)))
                {
                    pdf = PdfInspector.Inspect(content);
                    CheckPdf(name, pdf, recorder);
                }
            }

            var nameProblem = FileNameRules.FindProblem(name);
            recorder.Add(CheckId.FileNameSafe, nameProblem is null, name,
                nameProblem is { } p ? $"unsafe file name: {p.English}" : "the file name is safe",
                nameProblem is { } q ? $"文件名不安全：{q.Chinese}" : "文件名安全");
            CheckPathInRoot(request, recorder);

            var scan = await ScanAsync(name, content, recorder, cancellationToken).ConfigureAwait(false);
            return new AttachmentCheckReport { Format = format, Pdf = pdf, VirusScan = scan, Results = recorder.Results };
        }
        finally
        {
            if (request.Content is null)
                await content.DisposeAsync().ConfigureAwait(false);
            else
                content.Position = position;
        }
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
