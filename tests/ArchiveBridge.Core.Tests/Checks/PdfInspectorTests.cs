using ArchiveBridge.Core.Checks;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Checks;

public class PdfInspectorTests
{
    [Fact]
    public void Inspect_PdfPigBuiltPdf_OpensWithItsPages()
    {
        var result = PdfInspector.Inspect(new MemoryStream(Samples.Pdf(pages: 3)));

        Assert.Equal(new PdfInspection(true, false, 3, null), result);
    }

    [Fact]
    public void Inspect_EncryptedWithEmptyUserPassword_OpensAndReportsEncrypted()
    {
        var result = PdfInspector.Inspect(new MemoryStream(EncryptedPdf.Build(userPassword: "")));

        Assert.True(result.Opens, result.Error);
        Assert.True(result.Encrypted);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public void Inspect_EncryptedWithUserPassword_DoesNotOpenAndReportsEncrypted()
    {
        var result = PdfInspector.Inspect(new MemoryStream(EncryptedPdf.Build(userPassword: "secret")));

        Assert.False(result.Opens);
        Assert.True(result.Encrypted);
        Assert.Null(result.PageCount);
        Assert.StartsWith("encrypted and cannot be opened without a password", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\nthis is not a PDF body at all\n")]
    [InlineData("")]
    [InlineData("%PDF-")]
    public void Inspect_Garbage_ReturnsErrorInsteadOfThrowing(string content)
    {
        var result = PdfInspector.Inspect(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(content)));

        Assert.False(result.Opens);
        Assert.False(result.Encrypted);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Inspect_TruncatedPdf_ReturnsError()
    {
        var pdf = Samples.Pdf();

        var result = PdfInspector.Inspect(new MemoryStream(pdf[..(pdf.Length / 3)]));

        Assert.False(result.Opens);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Inspect_Stream_LeavesStreamOpenAtItsPosition()
    {
        using var stream = new MemoryStream(Samples.Pdf()) { Position = 5 };

        PdfInspector.Inspect(stream);

        Assert.True(stream.CanRead);
        Assert.Equal(5, stream.Position);
    }

    [Fact]
    public void Inspect_MissingFile_ReturnsErrorNamingThePath()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("missing.pdf");

        var result = PdfInspector.Inspect(path);

        Assert.False(result.Opens);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
    }
}
