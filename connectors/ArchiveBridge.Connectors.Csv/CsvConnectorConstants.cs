namespace ArchiveBridge.Connectors.Csv;

/// <summary>The names and defaults of the CSV connector, in one place for config, docs and tests.</summary>
public static class CsvConnectorConstants
{
    /// <summary>The <c>type</c> value of a CSV connector in <c>connectors[]</c>.</summary>
    public const string Type = "csv";

    public const char DefaultDelimiter = ',';
    public const char DefaultQuote = '"';

    /// <summary>100 MiB: larger attachments are refused with <c>attachment_too_large</c>.</summary>
    public const long DefaultMaxAttachmentBytes = 100L * 1024 * 1024;

    /// <summary>
    /// A record longer than this (in UTF-8 bytes) is treated as a broken quote that swallowed the lines after it:
    /// its first line is quarantined and reading goes on with the next line, so memory stays flat.
    /// </summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>The keys of the <c>settings</c> block.</summary>
    public static class Settings
    {
        public const string Path = "path";
        public const string Encoding = "encoding";
        public const string Delimiter = "delimiter";
        public const string Quote = "quote";
        public const string HasHeader = "hasHeader";
        public const string AttachmentsRoot = "attachmentsRoot";
        public const string MaxAttachmentBytes = "maxAttachmentBytes";
        public const string AllowLineBreaksInQuotes = "allowLineBreaksInQuotes";

        public static IReadOnlyList<string> All { get; } =
            [Path, Encoding, Delimiter, Quote, HasHeader, AttachmentsRoot, MaxAttachmentBytes, AllowLineBreaksInQuotes];
    }
}
