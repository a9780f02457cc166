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
        if (name.EndsWith(".ofd", StringComparison.OrdinalIgnoreCase))
        {
            // OFD (GB/T 33190) is a zip package; the local file header signature is what format sniffers look at.
            var body = Encoding.UTF8.GetBytes($"OFD.xml <ofd:OFD DocType=\"OFD\" Version=\"1.0\"><!-- {name} 华东示范集团 --></ofd:OFD>");
            return [0x50, 0x4B, 0x03, 0x04, .. body];
        }
        return Encoding.UTF8.GetBytes(
            $"%PDF-1.4\n% 华东示范集团 OA 正文 {name}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
            "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
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
