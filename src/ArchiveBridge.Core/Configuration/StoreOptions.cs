namespace ArchiveBridge.Core.Configuration;

/// <summary>Where the archive lives: the database and the blob folder.</summary>
public sealed class StoreOptions
{
    /// <summary><c>sqlite</c> (default, embedded).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Relative <c>Data Source</c> paths resolve against the config file's folder.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/archive.db";

    /// <summary>The content-addressed blob folder; relative to the config file.</summary>
    public string Blobs { get; set; } = "data/blobs";

    /// <summary>
    /// Page cache of a run's writing connection, in MiB: a run inserts into every index of the records table at
    /// random places, and keeping those index pages in memory is most of the write speed on a large archive
    /// (measured: 256 MiB writes a million records 18% faster than 64). Memory stays flat at this bound.
    /// </summary>
    public int WriterCacheMiB { get; set; } = 128;

    /// <summary>
    /// A connector's first sync into an empty archive becomes an initial load once it has inserted this many
    /// records: the records indexes are dropped and built once at the run's end, and other connectors' runs wait
    /// until it finishes. 0 turns it off. (Measured: a million-record first sync twice as fast.)
    /// </summary>
    public long InitialLoadAfter { get; set; } = 50_000;

    /// <summary>
    /// The webhook inbox's SQLite file (a queue with its own write lock); relative to the config file.
    /// Null: <c>inbox.db</c> beside the archive database.
    /// </summary>
    public string? Inbox { get; set; }
}
