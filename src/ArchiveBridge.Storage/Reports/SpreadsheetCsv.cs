using CsvHelper;

namespace ArchiveBridge.Storage.Reports;

/// <summary>
/// CSV that auditors open in Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as the ANSI code
/// page and shows mojibake), and text cells starting with = + - @ (or tab, CR) prefixed with <c>'</c> so a value
/// from a source system is never run as a formula (CSV injection, OWASP).
/// </summary>
public static class SpreadsheetCsv
{
    /// <summary>One table: every record has the header's field count.</summary>
    public static CsvWriterOptions Table { get; } = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    /// <summary>Several tables one after the other (a report's sections), each with its own header and width.</summary>
    public static CsvWriterOptions Sections { get; } = Table with { ValidateFieldCount = false };

    /// <summary>The UTF-8 byte order mark every file written with these options starts with.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];
}
