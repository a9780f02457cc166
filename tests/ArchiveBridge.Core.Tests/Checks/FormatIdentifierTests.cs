using System.Text;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Checks;

public class FormatIdentifierTests
{
    public static TheoryData<string, byte[]> KnownFormats => new()
    {
        { "PDF", Samples.Pdf() },
        { "OFD", Samples.Ofd() },
        { "DOCX", Samples.Docx() },
        { "XLSX", Samples.Xlsx() },
        { "PPTX", Samples.Pptx() },
        { "ZIP", Samples.PlainZip() },
        { "JPEG", Samples.JpegHead },
        { "PNG", Samples.Png },
        { "GIF", Samples.GifHead },
        { "TIFF", Samples.TiffLittleEndian },
        { "TIFF", Samples.TiffBigEndian },
        { "XML", Samples.Xml() },
        { "TXT", Samples.Utf8Text() },
        { "TXT", Samples.Gb18030Text() },
    };

    [Theory]
    [MemberData(nameof(KnownFormats))]
    public void Identify_RealBytes_KnowsTheFormat(string expected, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);

        Assert.Equal(expected, FormatIdentifier.Identify(stream).Id);
    }

    [Fact]
    public void Identify_Gb18030Text_IsNotValidUtf8ButStillText()
    {
        var bytes = Samples.Gb18030Text();
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        Assert.Same(FileFormat.Txt, FormatIdentifier.Identify(new MemoryStream(bytes)));
    }

    [Fact]
    public void Identify_BinaryWithControlBytes_Other()
    {
        Assert.Same(FileFormat.Other, FormatIdentifier.Identify(new MemoryStream(Samples.RandomBinary(4096))));
    }

    [Fact]
    public void Identify_BytesValidInNeitherUtf8NorGb18030_Other()
    {
        // 0x80 and 0xFF are never valid on their own in either encoding.
        Assert.Same(FileFormat.Other, FormatIdentifier.Identify(new MemoryStream([.. "abc"u8, 0x80, 0xFF, 0x80, .. "def"u8])));
    }

    [Fact]
    public void Identify_EmptyStream_Other()
    {
        Assert.Same(FileFormat.Other, FormatIdentifier.Identify(new MemoryStream()));
    }

    [Fact]
    public void Identify_ZipHeaderWithoutCentralDirectory_Other()
    {
        var truncated = Samples.Docx()[..40];

        Assert.Same(FileFormat.Other, FormatIdentifier.Identify(new MemoryStream(truncated)));
    }

    [Fact]
    public void Identify_Utf8TextLongerThanSampleWithCharacterCutAtSampleEnd_Txt()
    {
        // 3-byte CJK characters after one ASCII byte: the sample boundary falls inside a character.
        var text = "a" + new string('档', FormatIdentifier.SampleSize);

        Assert.Same(FileFormat.Txt, FormatIdentifier.Identify(new MemoryStream(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Identify_SeekableStreamNotAtStart_ReadsFromStartAndRestoresPosition()
    {
        using var stream = new MemoryStream(Samples.Docx()) { Position = 17 };

        Assert.Same(FileFormat.Docx, FormatIdentifier.Identify(stream));
        Assert.Equal(17, stream.Position);
    }

    [Fact]
    public void Identify_ForwardOnlyZip_GenericZip()
    {
        using var stream = new ForwardOnlyStream(Samples.Ofd());

        Assert.Same(FileFormat.Zip, FormatIdentifier.Identify(stream));
    }

    [Fact]
    public void Identify_Path_ReadsTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("通知.ofd");
        File.WriteAllBytes(path, Samples.Ofd());

        Assert.Same(FileFormat.Ofd, FormatIdentifier.Identify(path));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
