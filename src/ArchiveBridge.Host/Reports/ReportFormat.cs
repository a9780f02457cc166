namespace ArchiveBridge.Host.Reports;

/// <summary>The forms a sync report is rendered in.</summary>
public enum ReportFormat
{
    /// <summary>Aligned lines for the console.</summary>
    Text,

    /// <summary>One JSON object (camelCase) for scripts.</summary>
    Json,

    /// <summary>Sections of tables, UTF-8 with BOM, for Excel.</summary>
    Csv,

    /// <summary>One self-contained printable page.</summary>
    Html,
}
