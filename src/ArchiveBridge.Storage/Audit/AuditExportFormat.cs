namespace ArchiveBridge.Storage.Audit;

/// <summary>The formats <see cref="AuditExporter"/> writes.</summary>
public enum AuditExportFormat
{
    /// <summary>One JSON object per line, values exactly as stored: the form to re-verify the chain from.</summary>
    Jsonl,

    /// <summary>UTF-8 with BOM for Excel; formula-like cells are prefixed with <c>'</c>, so use JSONL to re-verify.</summary>
    Csv,
}
