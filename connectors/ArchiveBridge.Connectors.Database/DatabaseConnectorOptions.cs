namespace ArchiveBridge.Connectors.Database;

/// <summary>
/// The <c>settings</c> block of a <c>database</c> connector: where the 中间库 is, which rows to read, in which
/// order, and how to mark them once archived. Identifiers are checked against the database's own schema
/// before the first read; values are always bound as parameters.
/// </summary>
public sealed class DatabaseConnectorOptions
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>An ADO.NET connection string, usually a secret reference (<c>env:ERP_DB</c>). A relative SQLite
    /// <c>Data Source</c> resolves against the config file's folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table or view to read (<c>archive_outbox</c>, or <c>schema.table</c> on PostgreSQL). Exclusive with <see cref="Query"/>.</summary>
    public string? Table { get; set; }

    /// <summary>A read-only <c>SELECT</c> (or <c>WITH … SELECT</c>) whose result is read instead of a table.</summary>
    public string? Query { get; set; }

    /// <summary>The column that identifies a row; becomes <c>SourceRecord.SourceKey</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The column rows are read in order of: an update time, or an id that only grows.</summary>
    public string? Watermark { get; set; }

    /// <summary>How far back a time watermark is re-read on each run (default 00:05:00); ids take none.</summary>
    public TimeSpan? Overlap { get; set; }

    /// <summary>Rows per page (keyset pagination, never OFFSET).</summary>
    public int BatchSize { get; set; } = DatabaseConnectorConstants.DefaultBatchSize;

    /// <summary>The folder that path attachments resolve under; relative to the config file.</summary>
    public string? AttachmentsRoot { get; set; }

    /// <summary>A BLOB/bytea column holding one attachment per row.</summary>
    public string? BlobColumn { get; set; }

    /// <summary>The column holding the file name of <see cref="BlobColumn"/>'s content.</summary>
    public string? BlobNameColumn { get; set; }

    /// <summary>Attachments larger than this are refused (<c>attachment_too_large</c>); default: the pipeline's limit.</summary>
    public long? MaxAttachmentBytes { get; set; }

    /// <summary>
    /// Demo aid: an SQL file run once to create the SQLite database when its file does not exist, so the
    /// samples work on a fresh clone. Never used for PostgreSQL, and never on an existing file.
    /// </summary>
    public string? SeedScript { get; set; }

    /// <summary>How archived rows are marked in the source (the 中间库 write-back).</summary>
    public DatabaseWriteBackOptions? WriteBack { get; set; }
}
