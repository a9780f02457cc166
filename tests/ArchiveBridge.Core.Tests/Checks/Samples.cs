using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.TestUtils;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ArchiveBridge.Core.Tests.Checks;

/// <summary>Real bytes of each format the checks must recognise, made here so no binary fixture is committed.</summary>
internal static class Samples
{
    /// <summary>A 1×1 RGB PNG.</summary>
    public static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xC9, 0xFE, 0x92, 0xEF, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    public static readonly byte[] JpegHead = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];
    public static readonly byte[] GifHead = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B];
    public static readonly byte[] TiffLittleEndian = [.. "II*\0"u8, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
    public static readonly byte[] TiffBigEndian = [.. "MM\0*"u8, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00];

    /// <summary>A one-page PDF written by PdfPig's builder.</summary>
    public static byte[] Pdf(int pages = 1)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 1; i <= pages; i++)
            builder.AddPage(PageSize.A4).AddText($"ArchiveBridge page {i}", 12, new PdfPoint(25, 700), font);
        return builder.Build();
    }

    public static byte[] Gb18030Text() =>
        Encodings.Gb18030.GetBytes("关于印发《档案管理办法》的通知\r\n各部门：现将办法印发给你们，请遵照执行。\r\n办公室 2024年3月1日\r\n");

    public static byte[] Utf8Text() => Encoding.UTF8.GetBytes("题名,日期\n关于年度工作的报告,2024-01-05\n");

    public static byte[] Xml() => Encoding.UTF8.GetBytes("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<档案><题名>通知</题名></档案>\n");

    /// <summary>An OFD package (GB/T 33190): OFD.xml at the root.</summary>
    public static byte[] Ofd() => ZipOf(
        ("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" DocType=\"OFD\" Version=\"1.0\"/>"),
        ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));

    public static byte[] Docx() => ZipOf(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

    public static byte[] Xlsx() => ZipOf(
        ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Pptx() => ZipOf(
        ("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<presentation/>"));

    public static byte[] PlainZip() => ZipOf(("readme.txt", "hello"), ("data/table.csv", "a,b"));

    public static byte[] ZipOf(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The EICAR anti-virus test file, assembled so this source file is not itself a signature match.</summary>
    public static byte[] Eicar() =>
        Encoding.ASCII.GetBytes(string.Concat(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-", "FILE!$H+H*"));

    public static byte[] RandomBinary(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00; // as real binaries do; a text sniffer must not need luck
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
