using System.Security.Cryptography;
using System.Text;

namespace DemoOa;

/// <summary>
/// The bytes behind <c>/files/{name}</c>: small but recognisable PDF and OFD (a zip container) files, derived
/// from the name so that every run serves the same bytes and digests.
/// </summary>
public static class DemoFiles
{
    public static byte[] Content(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EndsWith(".ofd", StringComparison.OrdinalIgnoreCase) ? Ofd(name) : Pdf(name);
    }

    /// <summary>A one-page PDF with a correct cross-reference table, so PDF readers (and the 可用性 check) open it.</summary>
    private static byte[] Pdf(string name)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        sb.Append("% OA ").Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))).Append('\n');
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append(o.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        sb.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>OFD (GB/T 33190) is a zip package with OFD.xml at its root; fixed timestamps keep the bytes stable.</summary>
    private static byte[] Ofd(string name)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("OFD.xml");
            entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" DocType=\"OFD\" Version=\"1.0\"><ofd:DocBody><ofd:DocInfo><ofd:Title>{System.Security.SecurityElement.Escape(name)}</ofd:Title></ofd:DocInfo></ofd:DocBody></ofd:OFD>");
        }
        return buffer.ToArray();
    }

    public static string MediaType(string name) =>
        name.EndsWith(".ofd", StringComparison.OrdinalIgnoreCase) ? "application/ofd" : "application/pdf";

    public static DemoAttachment Describe(string name, string url, bool absolute = false)
    {
        var bytes = Content(name);
        return new DemoAttachment(name, url, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, MediaType(name), absolute);
    }

    /// <summary><paramref name="size"/> bytes of filler, for the size-limit scenarios.</summary>
    public static byte[] Filler(long size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }
}
