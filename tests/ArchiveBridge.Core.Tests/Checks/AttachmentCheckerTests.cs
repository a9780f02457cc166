using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Checks;

public sealed class AttachmentCheckerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private AttachmentCheckRequest Stored(string name, byte[] bytes, string? declaredSha256 = null, long? declaredSize = null)
    {
        var path = _dir.Combine(Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return new AttachmentCheckRequest
        {
            Name = name, FilePath = path, Sha256 = Samples.Sha256(bytes), Size = bytes.Length,
            DeclaredSha256 = declaredSha256, DeclaredSize = declaredSize,
        };
    }

    private static CheckResult Single(AttachmentCheckReport report, string id) => Assert.Single(report.Results, r => r.Id == id);

    [Fact]
    public async Task CheckAsync_GoodPdf_EveryApplicableCheckPasses()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("关于印发办法的通知.pdf", Samples.Pdf(2)));

        Assert.Same(FileFormat.Pdf, report.Format);
        Assert.Equal(new PdfInspection(true, false, 2, null), report.Pdf);
        Assert.All(report.Results, r => Assert.True(r.Passed, r.ToString()));
        Assert.Equal(
            [CheckId.StoredDigestMatch, CheckId.NotEmpty, CheckId.FormatIdentified, CheckId.FormatMatchesName, CheckId.FormatAllowed,
             CheckId.PdfOpens, CheckId.PdfNotEncrypted, CheckId.FileNameSafe],
            report.Results.Select(r => r.Id));
        Assert.False(report.Blocked);
        Assert.Equal("opens, 2 page(s)", Single(report, CheckId.PdfOpens).Message);
        Assert.Equal("可以打开，共 2 页", Single(report, CheckId.PdfOpens).MessageZh);
    }

    [Fact]
    public async Task CheckAsync_StoredFileDiffersFromArrivalDigest_StoredDigestBlocks()
    {
        var request = Stored("通知.pdf", Samples.Pdf(1));
        var arrived = Samples.Sha256(Samples.Pdf(3));

        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(new AttachmentCheckRequest
        {
            Name = request.Name, FilePath = request.FilePath, Sha256 = arrived, Size = request.Size,
        });

        var fixity = Single(report, CheckId.StoredDigestMatch);
        Assert.False(fixity.Passed);
        Assert.Contains(request.Sha256, fixity.Message, StringComparison.Ordinal);
        Assert.True(report.Blocked);
    }

    [Fact]
    public async Task CheckAsync_SameStoredFileAgain_ReusesTheInspectionAndRechecksTheName()
    {
        var checker = new AttachmentChecker(new CheckOptions());
        var first = Stored("通知.pdf", Samples.Pdf(2));
        Assert.False((await checker.CheckAsync(first)).Blocked);
        File.Delete(first.FilePath!); // a second read would now throw attachment_unreadable

        var again = await checker.CheckAsync(new AttachmentCheckRequest
        {
            Name = "照片.png", FilePath = first.FilePath, Sha256 = first.Sha256, Size = first.Size,
        });

        Assert.Same(FileFormat.Pdf, again.Format);
        Assert.True(Single(again, CheckId.StoredDigestMatch).Passed);
        Assert.True(Single(again, CheckId.PdfOpens).Passed);
        Assert.False(Single(again, CheckId.FormatMatchesName).Passed);
    }

    [Fact]
    public async Task CheckAsync_PngNamedPdf_NameMismatchWarnsButPngIsAllowed()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("scan.pdf", Samples.Png));

        Assert.Same(FileFormat.Png, report.Format);
        var mismatch = Single(report, CheckId.FormatMatchesName);
        Assert.False(mismatch.Passed);
        Assert.Equal(CheckLevel.Warn, mismatch.Level);
        Assert.Equal(CheckProperty.Usability, mismatch.Property);
        Assert.Equal("scan.pdf", mismatch.Subject);
        Assert.Equal("'scan.pdf' holds PNG content; expected extension .png", mismatch.Message);
        Assert.Equal("“scan.pdf”的内容为 PNG 格式，扩展名应为 .png", mismatch.MessageZh);
        Assert.Null(report.Pdf);
        Assert.DoesNotContain(report.Results, r => r.Id == CheckId.PdfOpens);
        Assert.False(report.Blocked);
    }

    [Fact]
    public async Task CheckAsync_EmptyFile_BlocksAndSkipsFormatChecks()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("empty.pdf", []));

        var empty = Single(report, CheckId.NotEmpty);
        Assert.False(empty.Passed);
        Assert.True(empty.Blocks);
        Assert.Equal("the file is empty", empty.Message);
        Assert.DoesNotContain(report.Results, r => r.Id.StartsWith("usability.format", StringComparison.Ordinal));
        Assert.True(report.Blocked);
    }

    [Fact]
    public async Task CheckAsync_PasswordProtectedPdf_PdfChecksBlock()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("locked.pdf", EncryptedPdf.Build("secret")));

        Assert.False(Single(report, CheckId.PdfOpens).Passed);
        Assert.StartsWith("does not open: encrypted", Single(report, CheckId.PdfOpens).Message, StringComparison.Ordinal);
        Assert.Equal("the PDF is encrypted", Single(report, CheckId.PdfNotEncrypted).Message);
        Assert.True(Single(report, CheckId.PdfNotEncrypted).Blocks);
    }

    [Fact]
    public async Task CheckAsync_EncryptedPdfThatOpens_OnlyEncryptionFails()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("protected.pdf", EncryptedPdf.Build("")));

        Assert.True(Single(report, CheckId.PdfOpens).Passed);
        Assert.False(Single(report, CheckId.PdfNotEncrypted).Passed);
    }

    [Fact]
    public async Task CheckAsync_ZipNotInAllowedFormats_Blocks()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("bundle.zip", Samples.PlainZip()));

        var allowed = Single(report, CheckId.FormatAllowed);
        Assert.True(allowed.Blocks);
        Assert.Equal("ZIP is not an allowed archival format (PDF, OFD, DOCX, XLSX, JPEG, PNG, TIFF, TXT, XML)", allowed.Message);
        Assert.True(Single(report, CheckId.FormatMatchesName).Passed);
    }

    [Fact]
    public async Task CheckAsync_UnidentifiedBytes_FailsIdentificationAndAllowedList()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("data.bin", Samples.RandomBinary(2048)));

        Assert.Same(FileFormat.Other, report.Format);
        Assert.False(Single(report, CheckId.FormatIdentified).Passed);
        Assert.False(Single(report, CheckId.FormatAllowed).Passed);
        Assert.DoesNotContain(report.Results, r => r.Id == CheckId.FormatMatchesName);
    }

    [Fact]
    public async Task CheckAsync_DeclaredDigestAndSizeDiffer_BlocksNamingBoth()
    {
        var bytes = Samples.Gb18030Text();
        var request = Stored("通知.txt", bytes, declaredSha256: new string('a', 64), declaredSize: bytes.Length + 1);

        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(request);

        var digest = Single(report, CheckId.DigestDeclaredMatch);
        Assert.True(digest.Blocks);
        Assert.Equal(CheckProperty.Authenticity, digest.Property);
        Assert.Equal(
            $"declared SHA-256 {new string('a', 64)} but the bytes hash to {request.Sha256}; declared {bytes.Length + 1} bytes but {bytes.Length} were received",
            digest.Message);
        Assert.Same(FileFormat.Txt, report.Format);
    }

    [Fact]
    public async Task CheckAsync_DeclaredDigestInUpperCase_Passes()
    {
        var bytes = Samples.Docx();
        var report = await new AttachmentChecker(new CheckOptions())
            .CheckAsync(Stored("报告.docx", bytes, declaredSha256: Samples.Sha256(bytes).ToUpperInvariant(), declaredSize: bytes.Length));

        Assert.True(Single(report, CheckId.DigestDeclaredMatch).Passed);
        Assert.Same(FileFormat.Docx, report.Format);
    }

    [Fact]
    public async Task CheckAsync_UnsafeName_Warns()
    {
        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(Stored("a|b.ofd", Samples.Ofd()));

        var name = Single(report, CheckId.FileNameSafe);
        Assert.False(name.Passed);
        Assert.Equal(CheckLevel.Warn, name.Level);
        Assert.Equal("unsafe file name: reserved character '|' at position 2", name.Message);
        Assert.Equal("文件名不安全：第 2 个字符“|”是保留字符", name.MessageZh);
    }

    [Fact]
    public async Task CheckAsync_SourcePathOutsideRoot_Blocks()
    {
        var root = _dir.Combine("hr");
        Directory.CreateDirectory(root);
        var request = Stored("passwd.txt", Samples.Utf8Text());

        var report = await new AttachmentChecker(new CheckOptions())
            .CheckAsync(new AttachmentCheckRequest
            {
                Name = request.Name, FilePath = request.FilePath, Sha256 = request.Sha256, Size = request.Size,
                SourcePath = "../../etc/passwd", SourceRoot = root,
            });

        var path = Single(report, CheckId.PathInRoot);
        Assert.True(path.Blocks);
        Assert.Equal(CheckProperty.Security, path.Property);
        Assert.Contains("outside the root", path.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_LevelsFromOptions_OffSkipsAndBlockOverridesDefault()
    {
        var options = new CheckOptions
        {
            Levels = { [CheckId.FormatMatchesName] = CheckLevel.Block, [CheckId.PdfOpens] = CheckLevel.Off },
        };

        var report = await new AttachmentChecker(options).CheckAsync(Stored("scan.pdf", Samples.Png));

        Assert.True(Single(report, CheckId.FormatMatchesName).Blocks);
        Assert.True(report.Blocked);
        var pdfReport = await new AttachmentChecker(options).CheckAsync(Stored("ok.pdf", Samples.Pdf()));
        Assert.DoesNotContain(pdfReport.Results, r => r.Id == CheckId.PdfOpens);
        Assert.Contains(pdfReport.Results, r => r.Id == CheckId.PdfNotEncrypted);
    }

    [Fact]
    public async Task CheckAsync_AllowedFormatsConfigured_ReplacesDefaults()
    {
        var options = new CheckOptions { AllowedFormats = ["ofd"] };

        var report = await new AttachmentChecker(options).CheckAsync(Stored("ok.pdf", Samples.Pdf()));

        Assert.False(Single(report, CheckId.FormatAllowed).Passed);
        Assert.Equal("PDF is not an allowed archival format (ofd)", Single(report, CheckId.FormatAllowed).Message);
    }

    [Fact]
    public async Task CheckAsync_StreamContent_LeavesStreamWhereItWas()
    {
        var bytes = Samples.Xlsx();
        using var stream = new MemoryStream(bytes) { Position = 3 };

        var report = await new AttachmentChecker(new CheckOptions()).CheckAsync(new AttachmentCheckRequest
        {
            Name = "表.xlsx", Content = stream, Sha256 = Samples.Sha256(bytes), Size = bytes.Length,
        });

        Assert.Same(FileFormat.Xlsx, report.Format);
        Assert.Equal(3, stream.Position);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task CheckAsync_StoredFileMissing_ThrowsAttachmentUnreadable()
    {
        var request = new AttachmentCheckRequest { Name = "gone.pdf", FilePath = _dir.Combine("gone"), Sha256 = "00", Size = 1 };

        var ex = await Assert.ThrowsAsync<AttachmentException>(() => new AttachmentChecker(new CheckOptions()).CheckAsync(request));

        Assert.Equal(ReasonCodes.AttachmentUnreadable, ex.Reason);
        Assert.Contains("'gone.pdf'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NeitherPathNorContent_Throws()
    {
        var request = new AttachmentCheckRequest { Name = "x.pdf", Sha256 = "00", Size = 1 };

        await Assert.ThrowsAsync<ArgumentException>(() => new AttachmentChecker(new CheckOptions()).CheckAsync(request));
    }

    [Fact]
    public async Task CheckAsync_EicarWithRealClamd_VirusScanBlocks()
    {
        var checker = new AttachmentChecker(new CheckOptions(), ClamAvClientTests.RealClamd());

        var report = await checker.CheckAsync(Stored("readme.txt", Samples.Eicar()));

        var scan = Single(report, CheckId.VirusScan);
        Assert.True(scan.Blocks);
        Assert.StartsWith("virus found: ", scan.Message, StringComparison.Ordinal);
        Assert.Equal(VirusScanStatus.Infected, report.VirusScan?.Status);
    }

    [Fact]
    public async Task CheckAsync_CleanFileWithRealClamd_VirusScanPasses()
    {
        var checker = new AttachmentChecker(new CheckOptions(), ClamAvClientTests.RealClamd());

        var report = await checker.CheckAsync(Stored("通知.ofd", Samples.Ofd()));

        Assert.True(Single(report, CheckId.VirusScan).Passed);
        Assert.Same(VirusScanResult.Clean, report.VirusScan);
    }

    [Fact]
    public async Task CheckAsync_ScannerError_VirusScanFailsWithReason()
    {
        var checker = new AttachmentChecker(new CheckOptions(), new ClamAvClient(new ClamAvOptions { Socket = _dir.Combine("none.sock") }));

        var report = await checker.CheckAsync(Stored("a.txt", Samples.Utf8Text()));

        var scan = Single(report, CheckId.VirusScan);
        Assert.True(scan.Blocks);
        Assert.StartsWith("virus scan failed: cannot talk to clamd at unix:", scan.Message, StringComparison.Ordinal);
    }
}
