using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Core.Tests.Checks;

public class FileFormatTests
{
    [Theory]
    [InlineData("PDF", "关于印发办法的通知.pdf", true)]
    [InlineData("PDF", "SCAN.PDF", true)]
    [InlineData("PNG", "scan.pdf", false)]
    [InlineData("JPEG", "photo.jpeg", true)]
    [InlineData("JPEG", "photo.jpg", true)]
    [InlineData("TIFF", "page.tif", true)]
    [InlineData("TXT", "export.csv", true)]
    [InlineData("DOCX", "report.zip", false)]
    [InlineData("PDF", "no-extension", false)]
    [InlineData("PDF", "trailing-dot.", false)]
    [InlineData("OTHER", "file.bin", false)]
    public void MatchesName_Extension_ComparedCaseInsensitively(string formatId, string fileName, bool matches)
    {
        Assert.True(FileFormat.TryGet(formatId, out var format));

        Assert.Equal(matches, format.MatchesName(fileName));
    }

    [Fact]
    public void TryGet_AnyCase_FindsTheFormat()
    {
        Assert.True(FileFormat.TryGet("ofd", out var format));
        Assert.Same(FileFormat.Ofd, format);
        Assert.Equal("application/ofd", format.MediaType);
        Assert.Equal(".ofd", format.CanonicalExtension);
    }

    [Fact]
    public void TryGet_UnknownId_False()
    {
        Assert.False(FileFormat.TryGet("WPS", out var format));
        Assert.Null(format);
    }

    [Fact]
    public void All_EveryIdUniqueAndOnlyOtherUnidentified()
    {
        Assert.Equal(FileFormat.All.Count, FileFormat.All.Select(f => f.Id).Distinct().Count());
        Assert.Equal([FileFormat.Other], FileFormat.All.Where(f => !f.IsIdentified));
    }
}
