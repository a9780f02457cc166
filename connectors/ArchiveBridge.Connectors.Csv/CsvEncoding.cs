namespace ArchiveBridge.Connectors.Csv;

/// <summary>The text encoding of a CSV export (setting <c>encoding</c>).</summary>
public enum CsvEncoding
{
    /// <summary><c>auto</c>: a UTF-8 byte order mark, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
    Auto,

    /// <summary><c>utf-8</c>.</summary>
    Utf8,

    /// <summary><c>utf-8-bom</c>: UTF-8 with a byte order mark, as Excel's "CSV UTF-8" writes it.</summary>
    Utf8Bom,

    /// <summary><c>gb18030</c>: the Chinese national standard, a superset of GBK and GB2312 (what Excel writes on a Chinese Windows).</summary>
    Gb18030,
}
