using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public sealed class CsvConnectorAttachmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CsvConnector _connector;
    private readonly string _root;

    public CsvConnectorAttachmentTests()
    {
        _root = _dir.Combine("hr", "files");
        Directory.CreateDirectory(Path.Combine(_root, "2024"));
        File.WriteAllText(Path.Combine(_root, "2024", "E10001_任免通知.txt"), "任免通知");
        File.WriteAllBytes(Path.Combine(_root, "big.bin"), new byte[21]);
        File.WriteAllText(_dir.Combine("secret.txt"), "outside the root");
        File.WriteAllText(_dir.Combine("hr", "export.csv"), "a\r\n1\r\n");
        _connector = new CsvConnector("hr-csv", new CsvConnectorOptions
        {
            Path = "hr/export.csv", AttachmentsRoot = "hr/files", MaxAttachmentBytes = 20, BaseDirectory = _dir.Path,
        });
    }

    [Theory]
    [InlineData("2024/E10001_任免通知.txt")]
    [InlineData("2024\\E10001_任免通知.txt")]
    [InlineData(" 2024/./E10001_任免通知.txt ")]
    [InlineData("2024/../2024/E10001_任免通知.txt")]
    public async Task OpenAttachmentAsync_PathUnderTheRoot_ReturnsAnAsyncFileStream(string location)
    {
        await using var stream = await _connector.OpenAttachmentAsync(new AttachmentReference(location), CancellationToken.None);

        var file = Assert.IsType<FileStream>(stream);
        Assert.True(file.IsAsync);
        using var reader = new StreamReader(stream);
        Assert.Equal("任免通知", await reader.ReadToEndAsync());
    }

    [Fact]
    public void AttachmentsRoot_NotConfigured_IsTheCsvFilesFolder()
    {
        var connector = new CsvConnector("hr-csv", new CsvConnectorOptions { Path = "hr/export.csv", BaseDirectory = _dir.Path });

        Assert.Equal(_dir.Combine("hr"), connector.AttachmentsRoot);
    }

    [Theory]
    [InlineData("../secret.txt", "attachment path '../secret.txt' resolves to {dir}/hr/secret.txt, outside attachmentsRoot ({root})")]
    [InlineData("2024/../../../secret.txt", "attachment path '2024/../../../secret.txt' resolves to {dir}/secret.txt, outside attachmentsRoot ({root})")]
    [InlineData("..\\..\\secret.txt", "attachment path '..\\..\\secret.txt' resolves to {dir}/secret.txt, outside attachmentsRoot ({root})")]
    [InlineData("/etc/passwd", "attachment path '/etc/passwd' is absolute; attachment paths must be relative to attachmentsRoot ({root})")]
    [InlineData("C:\\Windows\\win.ini", "attachment path 'C:\\Windows\\win.ini' is absolute; attachment paths must be relative to attachmentsRoot ({root})")]
    [InlineData("\\\\server\\share\\a.pdf", "attachment path '\\\\server\\share\\a.pdf' is absolute; attachment paths must be relative to attachmentsRoot ({root})")]
    public async Task OpenAttachmentAsync_PathEscapingTheRoot_ThrowsOutsideRoot(string location, string message)
    {
        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference(location), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentOutsideRoot, e.Reason);
        Assert.Equal(message.Replace("{dir}", _dir.Path).Replace("{root}", _root), e.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_FileSymlinkLeavingTheRoot_ThrowsOutsideRoot()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), _dir.Combine("secret.txt"));

        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference("link.txt"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentOutsideRoot, e.Reason);
        Assert.Equal($"attachment path 'link.txt' leads through a symbolic link to {_dir.Combine("secret.txt")}, outside attachmentsRoot ({_root})", e.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_FolderSymlinkLeavingTheRoot_ThrowsOutsideRoot()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "outside"), "../..");

        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference("outside/secret.txt"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentOutsideRoot, e.Reason);
    }

    [Fact]
    public async Task OpenAttachmentAsync_SymlinkStayingInsideTheRoot_Opens()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "latest"), "2024");

        await using var stream = await _connector.OpenAttachmentAsync(new AttachmentReference("latest/E10001_任免通知.txt"), CancellationToken.None);

        Assert.Equal(12, stream.Length);
    }

    [Fact]
    public async Task OpenAttachmentAsync_RootItselfASymlink_OpensFilesUnderIt()
    {
        Directory.CreateSymbolicLink(_dir.Combine("linked-root"), _root);
        var connector = new CsvConnector("hr-csv", new CsvConnectorOptions { Path = "hr/export.csv", AttachmentsRoot = "linked-root", BaseDirectory = _dir.Path });

        await using var stream = await connector.OpenAttachmentAsync(new AttachmentReference("2024/E10001_任免通知.txt"), CancellationToken.None);

        Assert.Equal(12, stream.Length);
    }

    [Fact]
    public async Task OpenAttachmentAsync_MissingFile_ThrowsAttachmentMissingNamingThePath()
    {
        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference("2024/不存在.pdf"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentMissing, e.Reason);
        Assert.Equal($"attachment file '2024/不存在.pdf' does not exist (looked for {Path.Combine(_root, "2024", "不存在.pdf")})", e.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_FileLargerThanTheCap_ThrowsTooLarge()
    {
        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference("big.bin"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentTooLarge, e.Reason);
        Assert.Equal($"attachment file 'big.bin' ({Path.Combine(_root, "big.bin")}) is 21 bytes, more than maxAttachmentBytes (20)", e.Message);
    }

    [Theory]
    [InlineData("", ReasonCodes.AttachmentMissing)]
    [InlineData("2024", ReasonCodes.AttachmentUnreadable)]
    [InlineData("http://127.0.0.1/a.pdf", ReasonCodes.AttachmentHostNotAllowed)]
    public async Task OpenAttachmentAsync_NotAFileLocation_ThrowsWithReason(string location, string reason)
    {
        var e = await Assert.ThrowsAsync<AttachmentException>(() => _connector.OpenAttachmentAsync(new AttachmentReference(location), CancellationToken.None).AsTask());

        Assert.Equal(reason, e.Reason);
    }

    public void Dispose() => _dir.Dispose();
}
