using ArchiveBridge.Core;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Inbox;

/// <summary>
/// The webhook inbox's own SQLite file (WAL), beside the archive but never inside it: SQLite has one write lock
/// per file, and a 202 must not wait behind an archiving transaction that may hold the archive's lock for
/// seconds. It is a queue, not the archive, so its schema is created here (no EF migrations) and versioned by
/// <c>PRAGMA user_version</c>.
/// </summary>
public sealed class InboxDatabase
{
    /// <summary>The schema this code writes; a file with a higher version was written by newer code.</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS webhook_inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL,
            connector_id TEXT NOT NULL,
            webhook_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            processed_at TEXT,
            error TEXT,
            audit INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ix_webhook_inbox_connector_webhook ON webhook_inbox (connector_id, webhook_id);
        CREATE UNIQUE INDEX IF NOT EXISTS ix_webhook_inbox_id ON webhook_inbox (id);
        CREATE INDEX IF NOT EXISTS ix_webhook_inbox_status_connector_seq ON webhook_inbox (status, connector_id, seq);
        """;

    public InboxDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 120, Pooling = true }.ToString();
    }

    /// <summary>
    /// Serialises this process's writes to the file. SQLite answers a second writer SQLITE_BUSY, which
    /// Microsoft.Data.Sqlite retries after sleeping 150 ms: a 202 waiting behind the drainer's update would take
    /// that long. Queued here, it waits only for the update itself.
    /// </summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>The inbox file (absolute).</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The inbox file for a store: <paramref name="configured"/> (relative to the folder of <paramref name="configFile"/>)
    /// when set, else <c>inbox.db</c> in the archive database's folder.
    /// </summary>
    public static string ResolvePath(string? configured, string archiveConnectionString, string configFile)
    {
        ArgumentNullException.ThrowIfNull(archiveConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(configFile);
        var baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configFile))!;
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, configured));
        var archive = new SqliteConnectionStringBuilder(archiveConnectionString).DataSource;
        if (string.IsNullOrEmpty(archive) || archive == ":memory:" || archive.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            throw new ConfigurationException(
                $"store.inbox must name the webhook inbox file: the archive's Data Source '{archive}' is not a plain file to put it beside", configFile, "store.inbox");
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, archive)))!;
        return System.IO.Path.Combine(folder, "inbox.db");
    }

    /// <summary>Creates the file and its schema when missing (idempotent; safe on every start).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var version = Sql.Command(connection, null, "PRAGMA user_version"))
        {
            var found = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (found > SchemaVersion)
                throw new InvalidOperationException($"webhook inbox {Path}: schema version {found} is newer than this version of ArchiveBridge knows ({SchemaVersion})");
        }
        await using (var wal = Sql.Command(connection, null, "PRAGMA journal_mode=WAL"))
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schema = Sql.Command(connection, tx, Schema))
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using (var version = Sql.Command(connection, tx, $"PRAGMA user_version = {SchemaVersion}"))
            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a pooled connection to the inbox file (another process writing, e.g. sqlite3 by an admin, is waited for).</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        Sql.OpenAsync(ConnectionString, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>Waits for this process's turn to write the file (<see cref="WriteGate"/>); dispose to pass it on.</summary>
    internal async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(WriteGate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
