using System.Text;

namespace ArchiveBridge.TestUtils;

/// <summary>GB18030 and friends need the code-pages provider registered once per process.</summary>
public static class Encodings
{
    static Encodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");
}
