namespace ArchiveBridge.Connectors.Database;

/// <summary>Names and defaults of the 中间库 (staging database) connector.</summary>
public static class DatabaseConnectorConstants
{
    /// <summary>The <c>type</c> of a connector entry in config.</summary>
    public const string Type = "database";

    /// <summary><c>provider</c> value for an SQLite file (Microsoft.Data.Sqlite).</summary>
    public const string Sqlite = "sqlite";

    /// <summary><c>provider</c> value for PostgreSQL (Npgsql).</summary>
    public const string PostgreSql = "postgresql";

    /// <summary>Rows per page; a page is held in memory while its rows flow down the pipeline.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>How far back a time watermark is re-read to catch rows committed late.</summary>
    public static readonly TimeSpan DefaultTimeOverlap = TimeSpan.FromMinutes(5);

    /// <summary>Attachments larger than this are refused unless the settings or the pipeline say otherwise.</summary>
    public const long DefaultMaxAttachmentBytes = 100L * 1024 * 1024;

    /// <summary>Placeholders a <c>writeBack.set</c> template may use.</summary>
    public static readonly IReadOnlyList<string> WriteBackPlaceholders = ["now", "archivalCode", "recordId", "key"];
}
