using System.Text;
using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.TestUtils;
using static ArchiveBridge.Connectors.Database.Tests.Support.Harness;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorAttachmentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 原始凭证\n%%EOF\n");

    [Theory, InlineData(TestDatabase.Sqlite), InlineData(TestDatabase.PostgreSql)]
    public async Task ReadAsync_BlobColumn_YieldsInlineAttachmentThatOpens(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0, attachment: Pdf, attachmentName: "记字第01号-发票.pdf");
        await db.InsertAsync(2, T0.AddMinutes(1));
        var connector = Create(db, OutboxSettings(db, ("blobColumn", "attachment"), ("blobNameColumn", "attachment_name")));

        var run = await SyncAsync(connector);
        var reference = Assert.Single(run.Records[0].Attachments);
        await using var stream = await connector.OpenAttachmentAsync(reference, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal("记字第01号-发票.pdf", reference.FileName);
        Assert.Equal(Pdf.Length, reference.DeclaredSize);
        Assert.Equal(Pdf, copy.ToArray());
        Assert.Empty(run.Records[1].Attachments);
        Assert.False(run.Records[0].Fields.TryGetValue("attachment", out _));
    }

    [Fact]
    public async Task OpenAttachmentAsync_BlobOverLimit_ThrowsTooLargeWithoutHoldingTheBytes()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await db.CreateOutboxAsync();
        await db.InsertAsync(1, T0, attachment: new byte[2048]);
        var connector = Create(db, OutboxSettings(db, ("blobColumn", "attachment"), ("maxAttachmentBytes", "1024")));

        var reference = Assert.Single((await SyncAsync(connector)).Records[0].Attachments);
        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(reference, CancellationToken.None).AsTask());

        Assert.Null(reference.InlineContent);
        Assert.Equal("1.bin", reference.FileName);
        Assert.Equal(ReasonCodes.AttachmentTooLarge, error.Reason);
        Assert.Contains("2048 bytes", error.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_PathUnderRoot_OpensTheFile()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("erp-files", "2024"));
        await File.WriteAllBytesAsync(dir.Combine("erp-files", "2024", "凭证 01.pdf"), Pdf);
        var connector = PathConnector(dir);

        await using var stream = await connector.OpenAttachmentAsync(new AttachmentReference("2024\\凭证 01.pdf"), CancellationToken.None);

        Assert.Equal(Pdf.Length, stream.Length);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("2024/../../secret.txt")]
    [InlineData("/etc/passwd")]
    public async Task OpenAttachmentAsync_PathEscapingRoot_ThrowsOutsideRoot(string location)
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("secret.txt"), "工资表");
        var connector = PathConnector(dir);

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference(location), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentOutsideRoot, error.Reason);
        Assert.Contains(location, error.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_SymlinkLeavingRoot_ThrowsOutsideRoot()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("outside"));
        await File.WriteAllTextAsync(dir.Combine("outside", "secret.txt"), "工资表");
        var connector = PathConnector(dir);
        Directory.CreateSymbolicLink(dir.Combine("erp-files", "link"), dir.Combine("outside"));

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference("link/secret.txt"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentOutsideRoot, error.Reason);
    }

    [Fact]
    public async Task OpenAttachmentAsync_MissingFile_ThrowsMissingWithFullPath()
    {
        using var dir = new TempDirectory();
        var connector = PathConnector(dir);

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference("2024/无此文件.pdf"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentMissing, error.Reason);
        Assert.Contains(dir.Combine("erp-files", "2024", "无此文件.pdf"), error.Message);
    }

    [Fact]
    public async Task OpenAttachmentAsync_FileOverLimit_ThrowsTooLarge()
    {
        using var dir = new TempDirectory();
        var connector = PathConnector(dir, ("maxAttachmentBytes", "10"));
        await File.WriteAllBytesAsync(dir.Combine("erp-files", "big.pdf"), Pdf);

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference("big.pdf"), CancellationToken.None).AsTask());

        Assert.Equal(ReasonCodes.AttachmentTooLarge, error.Reason);
    }

    [Theory]
    [InlineData("https://erp.example.com/files/1.pdf", ReasonCodes.AttachmentHostNotAllowed)]
    [InlineData("2024/1.pdf", ReasonCodes.AttachmentOutsideRoot)]
    public async Task OpenAttachmentAsync_WithoutRootOrAsUrl_IsRefused(string location, string reason)
    {
        using var dir = new TempDirectory();
        var connector = Create(dir.Path, new Dictionary<string, string?>
        {
            ["provider"] = "sqlite", ["connectionString"] = "Data Source=erp.db", ["table"] = "t", ["key"] = "id", ["watermark"] = "id",
        });

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference(location), CancellationToken.None).AsTask());

        Assert.Equal(reason, error.Reason);
    }

    private static DatabaseConnector PathConnector(TempDirectory dir, params (string Key, string? Value)[] extra)
    {
        Directory.CreateDirectory(dir.Combine("erp-files"));
        var settings = new Dictionary<string, string?>
        {
            ["provider"] = "sqlite", ["connectionString"] = "Data Source=erp.db", ["table"] = "t", ["key"] = "id", ["watermark"] = "id",
            ["attachmentsRoot"] = "erp-files",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return Create(dir.Path, settings);
    }
}
