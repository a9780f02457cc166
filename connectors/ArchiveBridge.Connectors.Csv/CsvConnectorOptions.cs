namespace ArchiveBridge.Connectors.Csv;

/// <summary>
/// The settings of one CSV connector. <see cref="CsvConnectorFactory"/> reads them from the connector's
/// <c>settings</c> block; relative paths resolve against <see cref="BaseDirectory"/> (the config file's folder).
/// </summary>
public sealed class CsvConnectorOptions
{
    /// <summary><c>path</c> (required): the CSV file, as configured; also the records' <c>Location</c>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary><c>encoding</c>: <c>utf-8</c>, <c>utf-8-bom</c>, <c>gb18030</c> or <c>auto</c> (default). A UTF-8 byte order mark always wins.</summary>
    public CsvEncoding Encoding { get; set; } = CsvEncoding.Auto;

    /// <summary><c>delimiter</c>: one ASCII character, or <c>tab</c>. Default <c>,</c>.</summary>
    public char Delimiter { get; set; } = CsvConnectorConstants.DefaultDelimiter;

    /// <summary><c>quote</c>: one ASCII character. Default <c>"</c>.</summary>
    public char Quote { get; set; } = CsvConnectorConstants.DefaultQuote;

    /// <summary><c>hasHeader</c>: whether the first row names the columns. Without one, columns are named <c>#1</c>, <c>#2</c> …</summary>
    public bool HasHeader { get; set; } = true;

    /// <summary><c>attachmentsRoot</c>: the folder attachment paths resolve under; default the CSV file's folder.</summary>
    public string? AttachmentsRoot { get; set; }

    /// <summary><c>maxAttachmentBytes</c>: larger attachments are refused (<c>attachment_too_large</c>). Default 100 MiB.</summary>
    public long MaxAttachmentBytes { get; set; } = CsvConnectorConstants.DefaultMaxAttachmentBytes;

    /// <summary>
    /// <c>allowLineBreaksInQuotes</c>: whether a quoted field may span lines (RFC 4180, Excel's Alt+Enter). Default true.
    /// Set false for exports that never do, so a stray quote cannot join lines at all.
    /// </summary>
    public bool AllowLineBreaksInQuotes { get; set; } = true;

    /// <summary>The folder relative paths resolve against; the factory sets the config file's folder.</summary>
    public string BaseDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>The CSV file's absolute path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, Path));

    /// <summary>The attachment root's absolute path.</summary>
    public string FullAttachmentsRoot => string.IsNullOrWhiteSpace(AttachmentsRoot)
        ? System.IO.Path.GetDirectoryName(FullPath) ?? BaseDirectory
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, AttachmentsRoot));
}
