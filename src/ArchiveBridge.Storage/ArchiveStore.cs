using System.Text.Json;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.Audit;
using ArchiveBridge.Storage.InitialLoad;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage;

/// <summary>
/// The embedded archive store on SQLite (WAL). EF Core owns the schema and admin queries; the batch commit
/// of the hot path uses prepared ADO.NET commands on the same connection and transaction
/// (<see cref="BatchCommitter"/>), because change tracking a million rows costs more than writing them.
/// </summary>
public sealed class ArchiveStore : IArchiveStore
{
    /// <summary>How long a run's lease on its connector lasts without renewal (renewed with every commit).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    private readonly DbContextOptions<ArchiveDbContext> _options;
    private readonly TimeProvider _time;
    private readonly IArchivalCodeScheme _codes;

    public ArchiveStore(string connectionString, IArchivalCodeScheme codes, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ConnectionString = connectionString;
        _codes = codes ?? throw new ArgumentNullException(nameof(codes));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Checkpointer = new WalCheckpointer(connectionString);
        _options = new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options;
    }

    public string ConnectionString { get; }

    /// <summary>The store's one background checkpointer: every run writer of this store shares it.</summary>
    internal WalCheckpointer Checkpointer { get; }

    /// <summary>Page cache of a run's writing connection (<see cref="Core.Configuration.StoreOptions.WriterCacheMiB"/>).</summary>
    public int WriterCacheMiB { get; init; } = 128;

    /// <summary>
    /// A connector's first sync into an empty archive becomes an initial load (<see cref="DeferredIndexes"/>) once it
    /// has inserted this many records; 0 never (<see cref="Core.Configuration.StoreOptions.InitialLoadAfter"/>).
    /// </summary>
    public long InitialLoadAfter { get; init; } = 50_000;

    /// <summary>The write-ahead log size at which a run's writer starts it over (<see cref="RunWriter"/>).</summary>
    internal long WalRestartBytes { get; init; } = RunWriter.DefaultWalRestartBytes;

    /// <summary>A fresh context for admin queries (short-lived, one per operation).</summary>
    public ArchiveDbContext CreateContext() => new(_options);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await using var context = CreateContext();
        // WAL lets readers (reports, the CLI) work while a run writes; it is a property of the file.
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // 16 KiB pages for a new store (ignored for an existing file): a record row is 1-2 KB and every run inserts
        // into several indexes at random places; larger pages make the trees shallower and each commit writes fewer,
        // fuller pages (measured: 1.7x the insert rate of the 4 KiB default on a 1M-record store).
        await context.Database.ExecuteSqlRawAsync("PRAGMA page_size=16384;", cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        // An initial load whose run is gone (killed, power cut) left indexes down: build them before anything reads,
        // and before a migration that may change one of them.
        await FinishAbandonedLoadAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FinishAbandonedLoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = Sql.Command(connection, null, "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes')"))
        {
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        }
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FinishAbandonedLoadAsync(connection, tx, null, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the indexes of an initial load whose run is gone. While the loading run is alive, a run of another
    /// connector (<paramref name="connectorId"/>) is refused: the loading run's decisions assume it writes alone.
    /// </summary>
    private async Task FinishAbandonedLoadAsync(SqliteConnection connection, System.Data.Common.DbTransaction tx, string? connectorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await DeferredIndexes.FindAsync(connection, tx, cancellationToken).ConfigureAwait(false) is not { } load) return;
        string? holder = null;
        var expires = DateTimeOffset.MinValue;
        await using (var read = Sql.Command(connection, tx, "SELECT holder, expires_at FROM leases WHERE name = $name"))
        {
            Sql.Add(read, "$name", LeaseName(load.ConnectorId));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                holder = reader.GetString(0);
                expires = StoreTime.Parse(reader.GetString(1));
            }
        }
        var alive = holder is not null && holder.StartsWith($"run {load.RunId} ", StringComparison.Ordinal) && expires > now && !HolderIsDeadHere(holder);
        if (alive)
        {
            // The loading connector's own next run meets its lease below, with the usual message.
            if (connectorId is null || connectorId == load.ConnectorId) return;
            throw new RunLeaseException(connectorId, holder!,
                $"connector '{connectorId}' cannot run yet: the archive is in the initial load of connector '{load.ConnectorId}' " +
                $"(run {load.RunId}, {holder}), whose indexes are built when it finishes");
        }
        await DeferredIndexes.RestoreAsync(connection, tx, null, StoreTime.ToText(now), "recovery", cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> LoadCheckpointAsync(string connectorId, CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        return await context.Checkpoints.AsNoTracking().Where(c => c.ConnectorId == connectorId)
            .Select(c => c.Position).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunContext> StartRunAsync(string connectorId, string trigger, string? mappingHash, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var runId = Ids.New(_time);
        var nowText = StoreTime.ToText(now);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await FinishAbandonedLoadAsync(connection, tx, connectorId, now, cancellationToken).ConfigureAwait(false);

        await using (var read = Sql.Command(connection, tx, "SELECT holder, expires_at FROM leases WHERE name = $name"))
        {
            Sql.Add(read, "$name", LeaseName(connectorId));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var expires = StoreTime.Parse(reader.GetString(1));
                var holder = reader.GetString(0);
                // A holder on this machine whose process is gone crashed (kill -9, power cut): take over now
                // instead of waiting out the lease; holders elsewhere are trusted until the lease expires.
                if (expires > now && !HolderIsDeadHere(holder)) throw new RunLeaseException(connectorId, holder, expires);
            }
        }
        await using (var lease = Sql.Command(connection, tx,
            "INSERT INTO leases (name, holder, expires_at) VALUES ($name, $holder, $expires) " +
            "ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"))
        {
            Sql.Add(lease, "$name", LeaseName(connectorId));
            Sql.Add(lease, "$holder", $"run {runId} (pid {Environment.ProcessId} on {Environment.MachineName})");
            Sql.Add(lease, "$expires", StoreTime.ToText(now + LeaseDuration));
            await lease.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        string? checkpoint = null;
        await using (var cp = Sql.Command(connection, tx, "SELECT position FROM checkpoints WHERE connector_id = $c"))
        {
            Sql.Add(cp, "$c", connectorId);
            checkpoint = await cp.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        await using (var insert = Sql.Command(connection, tx,
            "INSERT INTO runs (id, connector_id, trigger, status, started_at, read, created, versioned, unchanged, duplicates, quarantined, failed, mapping_hash, checkpoint_at_start) " +
            "VALUES ($id, $c, $trigger, 'running', $at, 0, 0, 0, 0, 0, 0, 0, $mh, $cp)"))
        {
            Sql.Add(insert, "$id", runId);
            Sql.Add(insert, "$c", connectorId);
            Sql.Add(insert, "$trigger", trigger);
            Sql.Add(insert, "$at", nowText);
            Sql.Add(insert, "$mh", mappingHash);
            Sql.Add(insert, "$cp", checkpoint);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        bool hadRecords;
        await using (var any = Sql.Command(connection, tx, "SELECT EXISTS (SELECT 1 FROM records WHERE connector_id = $c)"))
        {
            Sql.Add(any, "$c", connectorId);
            hadRecords = Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }
        var details = JsonSerializer.Serialize(new { connector = connectorId, trigger, mappingHash, checkpoint });
        await AuditWriter.AppendAsync(connection, tx, nowText, trigger, "run.started", $"run:{runId}", details, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RunContext(runId, connectorId, now) { MappingHash = mappingHash, ConnectorHadRecords = hadRecords };
    }

    /// <summary>
    /// "+r.connector_id" keeps SQLite on the token index: the (connector_id, source_key) index would scan the whole
    /// connector. The token index is partial (non-null keys only); "IN" implies "IS NOT NULL", so it still serves.
    /// </summary>
    internal const string KnownChangeTokensSql =
        "SELECT r.change_token FROM records r JOIN runs u ON u.id = r.content_run_id " +
        "WHERE r.change_token_key IN (SELECT value FROM json_each($keys)) AND +r.connector_id = $c " +
        "AND r.content_run_id <> $run AND u.mapping_hash IS $mh";

    public async Task<IReadOnlySet<string>> FindKnownChangeTokensAsync(RunContext run, IReadOnlyCollection<string> tokens, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (tokens.Count == 0 || !run.ConnectorHadRecords) return known;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Only tokens set by an earlier run under the same mapping: a mapping change must re-map everything,
        // and a token first seen in this run goes the full path so in-run duplicates are recognised.
        await using var cmd = Sql.Command(connection, null, KnownChangeTokensSql);
        Sql.Add(cmd, "$c", run.ConnectorId);
        Sql.Add(cmd, "$keys", JsonSerializer.Serialize(tokens.Select(IndexKeys.FromText)));
        Sql.Add(cmd, "$run", run.RunId);
        Sql.Add(cmd, "$mh", run.MappingHash);
        var wanted = tokens as IReadOnlySet<string> ?? new HashSet<string>(tokens, StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(0) && reader.GetString(0) is var token && wanted.Contains(token)) known.Add(token);
        }
        return known;
    }

    public async Task<IRunWriter> OpenWriterAsync(RunContext run, CommitDurability durability, CancellationToken cancellationToken) =>
        await RunWriter.OpenAsync(this, run, _codes, _time, Checkpointer, WriterCacheMiB, durability, InitialLoadAfter, WalRestartBytes, cancellationToken).ConfigureAwait(false);

    /// <summary>Opens the run's writer with every commit flushed to disk.</summary>
    public Task<IRunWriter> OpenWriterAsync(RunContext run, CancellationToken cancellationToken) =>
        OpenWriterAsync(run, CommitDurability.Flushed, cancellationToken);

    public async Task FinishRunAsync(RunContext run, RunCounts counts, string status, string? error, CancellationToken cancellationToken)
    {
        var nowText = StoreTime.ToText(_time.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // An initial load ends with its indexes built (a sort of each, not a million random inserts), before the
        // synced transaction that finishes the run.
        await DeferredIndexes.BuildEachAsync(connection, run.RunId, nowText, Checkpointer.Request, cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = Sql.Command(connection, tx,
            "UPDATE runs SET status = $status, finished_at = $at, read = $read, created = $created, versioned = $versioned, " +
            "unchanged = $unchanged, duplicates = $duplicates, quarantined = $quarantined, failed = $failed, error = $error, " +
            "checkpoint_at_end = (SELECT position FROM checkpoints WHERE connector_id = $c) WHERE id = $id"))
        {
            Sql.Add(update, "$status", status);
            Sql.Add(update, "$at", nowText);
            Sql.Add(update, "$read", counts.Read);
            Sql.Add(update, "$created", counts.Created);
            Sql.Add(update, "$versioned", counts.Versioned);
            Sql.Add(update, "$unchanged", counts.Unchanged);
            Sql.Add(update, "$duplicates", counts.Duplicates);
            Sql.Add(update, "$quarantined", counts.Quarantined);
            Sql.Add(update, "$failed", counts.Failed);
            Sql.Add(update, "$error", error);
            Sql.Add(update, "$c", run.ConnectorId);
            Sql.Add(update, "$id", run.RunId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var release = Sql.Command(connection, tx, "DELETE FROM leases WHERE name = $name AND holder LIKE $holder"))
        {
            Sql.Add(release, "$name", LeaseName(run.ConnectorId));
            Sql.Add(release, "$holder", $"run {run.RunId}%");
            await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var details = JsonSerializer.Serialize(new
        {
            connector = run.ConnectorId, status, counts.Read, counts.Created, counts.Versioned, counts.Unchanged,
            counts.Duplicates, counts.Quarantined, counts.Failed, error,
        });
        await AuditWriter.AppendAsync(connection, tx, nowText, "pipeline", "run.finished", $"run:{run.RunId}", details, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends one audit entry in its own transaction (for actions outside a batch, e.g. API calls).</summary>
    public async Task AppendAuditAsync(string at, string actor, string action, string subject, string details, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AuditWriter.AppendAsync(connection, tx, at, actor, action, subject, details, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a pooled connection to the store.</summary>
    /// <remarks>A run's commit group holds the write lock for up to a couple of seconds; others wait for it.</remarks>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        Sql.OpenAsync(ConnectionString, BusyTimeout, cancellationToken);

    /// <summary>How long a connection waits for another's lock before it reports the store busy.</summary>
    internal static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    internal static string LeaseName(string connectorId) => $"connector:{connectorId}";

    private static bool HolderIsDeadHere(string holder)
    {
        var match = System.Text.RegularExpressions.Regex.Match(holder, @"\(pid (\d+) on (.+)\)$");
        if (!match.Success || match.Groups[2].Value != Environment.MachineName) return false;
        var pid = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
