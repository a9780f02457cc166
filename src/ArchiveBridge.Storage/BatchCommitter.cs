using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.Audit;
using ArchiveBridge.Storage.InitialLoad;
using ArchiveBridge.Storage.Probes;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage;

/// <summary>
/// Writes one batch into the run's open transaction: decides each record's outcome (DESIGN §6), allocates
/// 件号 per partition, writes records, versions, attachments, quarantine entries, one audit entry for the
/// batch and the checkpoint. Decisions are made inside the write transaction, so two runs cannot both
/// "create" the same identity or 件号.
/// </summary>
internal sealed class BatchCommitter(SqliteConnection connection, IArchivalCodeScheme codes, TimeProvider time)
{
    private sealed class Identity
    {
        public required string Id { get; init; }

        /// <summary>The row's rowid: known when loaded from the store or once inserted.</summary>
        public long RowId { get; set; }
        public required string Fingerprint { get; set; }
        public int Version { get; set; }
        public string? ArchivalCode { get; set; }
        public string? DuplicateOf { get; set; }
        public required string LastRunId { get; set; }
        public required string ContentRunId { get; set; }
        public string? UpdatedAt { get; set; }
        private ArchiveRecord? _content;

        /// <summary>The current version's content: loaded from the store when a later record versions it.</summary>
        public ArchiveRecord? Content { get => _content ??= CreatedFrom?.Record; set => _content = value; }

        public PreparedRecord? CreatedFrom { get; init; }
        public string? Checks { get; set; }
        public bool Loaded { get; set; }

        /// <summary>Fingerprints of the superseded versions (loaded with the content).</summary>
        public HashSet<string> History => _history ??= new(StringComparer.Ordinal);

        private HashSet<string>? _history;
    }

    private enum OpKind { Insert, Seen, Version, Quarantine }

    private sealed record Op(OpKind Kind, PreparedRecord Item, Identity? Identity)
    {
        public ArchiveRecord? OldContent { get; init; }
        public string? OldFingerprint { get; init; }
        public int OldVersion { get; init; }
        public string? OldRunId { get; init; }
        public string? OldAt { get; init; }
        public string? OldChecks { get; init; }
        public string? PartitionKey { get; set; }

        /// <summary>The record JSON this op writes (captured at decision time; later ops may change the identity).</summary>
        public string? Metadata { get; init; }
    }

    public async Task WriteAsync(SqliteTransaction tx, RunContext run, IReadOnlyList<PreparedRecord> batch, string? checkpoint, CancellationToken cancellationToken)
    {
        var now = StoreTime.ToText(time.GetUtcNow());

        // During an initial load the identity and fingerprint indexes are down: exact maps answer instead of the filters.
        ProbeFilters? filters = null;
        var loadKeys = await _initialLoad.KeysAsync(tx, cancellationToken).ConfigureAwait(false);
        if (loadKeys is null)
        {
            filters = _filters ??= new ProbeFilters(connection, run.ConnectorId);
            await filters.RefreshAsync(tx, cancellationToken).ConfigureAwait(false);
        }
        var identities = await LoadIdentitiesAsync(tx, run.ConnectorId, batch, filters, loadKeys, cancellationToken).ConfigureAwait(false);
        var byFingerprint = await LoadFingerprintsAsync(tx, batch, identities, filters, loadKeys, cancellationToken).ConfigureAwait(false);
        // Pass 1: decide, in input order, against the store and what this batch already decided.
        var ops = new List<Op>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Problem is not null)
            {
                item.Outcome = RecordOutcome.Quarantined;
                ops.Add(new Op(OpKind.Quarantine, item, null));
                continue;
            }
            if (item.KnownChangeToken)
            {
                item.Outcome = RecordOutcome.Unchanged;
                continue;
            }
            var record = item.Record!;
            var fingerprint = record.Fingerprint!;
            if (identities.TryGetValue(item.Key!, out var identity))
            {
                item.RecordId = identity.Id;
                item.ArchivalCode = record.ArchivalCode = identity.ArchivalCode;
                if (identity.Fingerprint == fingerprint)
                {
                    // Seen earlier in this run: a repeated row is a duplicate; seen in an earlier run: unchanged.
                    item.Outcome = identity.LastRunId == run.RunId ? RecordOutcome.Duplicate : RecordOutcome.Unchanged;
                    if (item.Outcome == RecordOutcome.Duplicate) item.DuplicateOf = identity.DuplicateOf ?? identity.Id;
                    identity.LastRunId = run.RunId;
                    ops.Add(new Op(OpKind.Seen, item, identity));
                    item.ReleaseStoredMetadataUtf8(); // nothing to write: the pooled JSON buffer goes back
                    continue;
                }
                if (!identity.Loaded) await LoadContentAsync(tx, identity, cancellationToken).ConfigureAwait(false);
                if (identity.History.Contains(fingerprint))
                {
                    // Content the archive already holds as an earlier version of this identity (a replayed or
                    // re-sent old export): nothing new to archive, so no version flip-flop on replays.
                    item.Outcome = identity.LastRunId == run.RunId ? RecordOutcome.Duplicate : RecordOutcome.Unchanged;
                    if (item.Outcome == RecordOutcome.Duplicate) item.DuplicateOf = identity.DuplicateOf ?? identity.Id;
                    identity.LastRunId = run.RunId;
                    ops.Add(new Op(OpKind.Seen, item, identity));
                    item.ReleaseStoredMetadataUtf8(); // nothing to write: the pooled JSON buffer goes back
                    continue;
                }
                identity.History.Add(identity.Fingerprint);
                var op = new Op(OpKind.Version, item, identity)
                {
                    OldContent = identity.Content,
                    OldFingerprint = identity.Fingerprint,
                    OldVersion = identity.Version,
                    OldRunId = identity.ContentRunId,
                    OldAt = identity.UpdatedAt,
                    OldChecks = identity.Checks,
                    Metadata = item.StoredMetadata(),
                };
                // A new version is written from the JSON string (record_versions and the row's update take text).
                item.ReleaseStoredMetadataUtf8();
                if (identity.DuplicateOf is not null)
                {
                    // A former duplicate whose content now differs becomes a record of its own, with its own 档号.
                    identity.DuplicateOf = null;
                    op.PartitionKey = PartitionKey(record);
                }
                filters?.Written(item.IdentityKey, item.FingerprintKey, newIdentity: false);
                identity.Version++;
                identity.Fingerprint = fingerprint;
                identity.Content = record;
                identity.Checks = item.StoredChecks();
                identity.LastRunId = run.RunId;
                identity.ContentRunId = run.RunId;
                identity.UpdatedAt = now;
                record.Version = identity.Version;
                item.Outcome = RecordOutcome.Versioned;
                ops.Add(op);
                continue;
            }

            var created = new Identity
            {
                Id = item.NewRecordId ?? Ids.New(time),
                Fingerprint = fingerprint,
                Version = 1,
                LastRunId = run.RunId,
                ContentRunId = run.RunId,
                UpdatedAt = now,
                CreatedFrom = item,
                Checks = item.StoredChecks(),
                Loaded = true,
            };
            identities[item.Key!] = created;
            filters?.Written(item.IdentityKey, item.FingerprintKey, newIdentity: true);
            item.RecordId = created.Id;
            if (byFingerprint.TryGetValue(fingerprint, out var original))
            {
                created.DuplicateOf = original;
                item.DuplicateOf = original;
                item.Outcome = RecordOutcome.Duplicate;
                ops.Add(new Op(OpKind.Insert, item, created));
            }
            else
            {
                byFingerprint[fingerprint] = created.Id;
                item.Outcome = RecordOutcome.Created;
                ops.Add(new Op(OpKind.Insert, item, created) { PartitionKey = PartitionKey(record) });
            }
        }

        filters?.Decided(batch.Count);
        // Pass 2: 件号 for every new record, one atomic increment per partition.
        await AllocateCodesAsync(tx, ops, cancellationToken).ConfigureAwait(false);
        // Pass 3: write, in input order.
        using var writer = new BatchWriter(connection, tx, run, now, time, _row);
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.Quarantine:
                    op.Item.QuarantineId = await writer.QuarantineAsync(op.Item, cancellationToken).ConfigureAwait(false);
                    break;
                case OpKind.Seen:
                    await writer.SeenAsync(op.Item, op.Identity!.Id, cancellationToken).ConfigureAwait(false);
                    break;
                case OpKind.Insert:
                    op.Identity!.RowId = writer.Insert(op.Item, op.Identity.Id, op.PartitionKey);
                    await writer.AttachmentsAsync(op.Identity.Id, 1, op.Item.Record!, cancellationToken).ConfigureAwait(false);
                    _initialLoad.Inserted(op.Item.IdentityKey, op.Item.FingerprintKey, original: op.Item.DuplicateOf is null, op.Identity.RowId);
                    break;
                case OpKind.Version:
                    loadKeys?.Versioned(op.Item.FingerprintKey, op.Identity!.RowId);
                    await writer.VersionAsync(op.Item, op.Identity!.Id, op.Metadata!, op.OldContent!, op.OldFingerprint!, op.OldVersion, op.OldRunId!, op.OldAt ?? now, op.OldChecks, op.PartitionKey, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        await ResolveQuarantinedAsync(tx, run, batch, now, cancellationToken).ConfigureAwait(false);
        if (checkpoint is not null) await writer.CheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        await AuditWriter.AppendAsync(connection, tx, now, "pipeline", "batch.committed", $"run:{run.RunId}", AuditDetails(run, batch, checkpoint), cancellationToken).ConfigureAwait(false);
        if (_audit.Capacity > 1 << 20) _audit = new(4096); // an unusually large batch does not keep its buffer
    }

    /// <summary>
    /// A record that was quarantined earlier and is archived now (source or mapping fixed) closes its open
    /// entry in the same transaction. Checked once per batch, so the hot path pays nothing when none is open.
    /// </summary>
    private async Task ResolveQuarantinedAsync(SqliteTransaction tx, RunContext run, IReadOnlyList<PreparedRecord> batch, string now, CancellationToken ct)
    {
        await using (var any = Sql.Command(connection, tx, "SELECT EXISTS (SELECT 1 FROM quarantine WHERE connector_id = $c AND status = 'open')"))
        {
            Sql.Add(any, "$c", run.ConnectorId);
            if (Convert.ToInt64(await any.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        }
        await using var resolve = Sql.Command(connection, tx,
            "UPDATE quarantine SET status = 'resolved', resolved_record_id = $rid, updated_at = $now " +
            "WHERE connector_id = $c AND source_key = $key AND status = 'open'");
        var rid = Sql.Add(resolve, "$rid", null);
        Sql.Add(resolve, "$now", now);
        Sql.Add(resolve, "$c", run.ConnectorId);
        var key = Sql.Add(resolve, "$key", null);
        foreach (var item in batch)
        {
            if (item.Outcome is RecordOutcome.Quarantined or RecordOutcome.Failed || item.Key is null || item.RecordId is null) continue;
            rid.Value = item.RecordId;
            key.Value = item.Key;
            await resolve.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, Identity>> LoadIdentitiesAsync(SqliteTransaction tx, string connectorId, IReadOnlyList<PreparedRecord> batch,
        ProbeFilters? filters, InitialLoadKeys? loadKeys, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var rowids = loadKeys is null ? null : new List<long>();
        if (loadKeys is not null) loadKeys.WarmIdentities(ProbeKeys(batch, fingerprints: false));
        foreach (var item in batch)
        {
            if (!IsLookedUp(item, out var key)) continue;
            if (rowids is not null)
            {
                var before = rowids.Count;
                loadKeys!.IdentityCandidates(item.IdentityKey, rowids);
                if (rowids.Count > before) keys.Add(key);
            }
            else if (filters!.MayHoldIdentity(item.IdentityKey)) keys.Add(key);
        }
        // Sized for the batch: every record new to the store is added to it as it is decided.
        var result = new Dictionary<string, Identity>(batch.Count, StringComparer.Ordinal);
        if (keys.Count == 0) return result;
        // By rowid while the identity index is down (initial load), else by the index.
        await using var cmd = Sql.Command(connection, tx,
            "SELECT source_key, id, fingerprint, version, archival_code, duplicate_of, last_run_id, content_run_id, rowid FROM records " +
            (rowids is null ? "WHERE connector_id = $c AND source_key IN (SELECT value FROM json_each($keys))"
                : "WHERE rowid IN (SELECT value FROM json_each($rowids)) AND connector_id = $c"));
        Sql.Add(cmd, "$c", connectorId);
        if (rowids is null) Sql.Add(cmd, "$keys", JsonSerializer.Serialize(keys));
        else Sql.Add(cmd, "$rowids", JsonSerializer.Serialize(rowids));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            // A candidate rowid may belong to another key with the same hash.
            if (!keys.Contains(reader.GetString(0))) continue;
            result[reader.GetString(0)] = new Identity
            {
                Id = reader.GetString(1),
                Fingerprint = reader.GetString(2),
                Version = reader.GetInt32(3),
                ArchivalCode = Sql.NullableString(reader, 4),
                DuplicateOf = Sql.NullableString(reader, 5),
                LastRunId = reader.GetString(6),
                ContentRunId = reader.GetString(7),
                RowId = reader.GetInt64(8),
            };
        }
        return result;
    }

    /// <summary>Whether a record is looked up in the store (it is neither quarantined, known by its change token, nor keyless).</summary>
    private static bool IsLookedUp(PreparedRecord item, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? key)
    {
        key = item.Key;
        return item.Problem is null && !item.KnownChangeToken && key is not null;
    }

    private long[] _probeKeys = new long[1024];

    /// <summary>The identity (or fingerprint) keys of the batch's records that are looked up, in one buffer kept across batches.</summary>
    private ReadOnlySpan<long> ProbeKeys(IReadOnlyList<PreparedRecord> batch, bool fingerprints)
    {
        if (_probeKeys.Length < batch.Count) _probeKeys = new long[batch.Count];
        var n = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (!IsLookedUp(item, out _)) continue;
            _probeKeys[n++] = fingerprints ? item.FingerprintKey : item.IdentityKey;
        }
        return _probeKeys.AsSpan(0, n);
    }

    private async Task<Dictionary<string, string>> LoadFingerprintsAsync(SqliteTransaction tx, IReadOnlyList<PreparedRecord> batch,
        Dictionary<string, Identity> identities, ProbeFilters? filters, InitialLoadKeys? loadKeys, CancellationToken ct)
    {
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        var rowids = loadKeys is null ? null : new List<long>();
        if (loadKeys is not null) loadKeys.WarmFingerprints(ProbeKeys(batch, fingerprints: true));
        foreach (var item in batch)
        {
            if (!IsLookedUp(item, out var key) || identities.ContainsKey(key)) continue;
            if (rowids is not null)
            {
                var before = rowids.Count;
                loadKeys!.FingerprintCandidates(item.FingerprintKey, rowids);
                if (rowids.Count > before) fingerprints.Add(item.Record!.Fingerprint!);
            }
            else if (filters!.MayHoldFingerprint(item.FingerprintKey)) fingerprints.Add(item.Record!.Fingerprint!);
        }
        // Sized for the batch: each new original's fingerprint is added as it is decided.
        var result = new Dictionary<string, string>(batch.Count, StringComparer.Ordinal);
        if (fingerprints.Count == 0) return result;
        await using var cmd = Sql.Command(connection, tx, "SELECT fingerprint, id FROM records WHERE " +
            (rowids is null ? "fingerprint_key IN (SELECT value FROM json_each($keys))" : "rowid IN (SELECT value FROM json_each($keys))") +
            " AND duplicate_of IS NULL");
        Sql.Add(cmd, "$keys", rowids is null ? JsonSerializer.Serialize(fingerprints.Select(IndexKeys.FromHexDigest)) : JsonSerializer.Serialize(rowids));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var fingerprint = reader.GetString(0);
            if (fingerprints.Contains(fingerprint)) result.TryAdd(fingerprint, reader.GetString(1));
        }
        return result;
    }

    private async Task LoadContentAsync(SqliteTransaction tx, Identity identity, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, tx,
            "SELECT metadata, updated_at, checks, connector_id, source_key, item_no, " + RecordColumns.ContentSelect + " FROM records WHERE id = $id");
        Sql.Add(cmd, "$id", identity.Id);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var columns = new StoredRecordColumns(identity.Id, reader.GetString(3), reader.GetString(4), identity.ArchivalCode,
                reader.IsDBNull(5) ? null : reader.GetInt32(5), identity.Version, identity.Fingerprint) { Content = RecordColumns.Content(reader, 6) };
            identity.Content = StoredRecordJson.Deserialize(reader.GetString(0), columns);
            identity.UpdatedAt = reader.GetString(1);
            identity.Checks = Sql.NullableString(reader, 2);
        }
        await reader.DisposeAsync().ConfigureAwait(false);
        await using var history = Sql.Command(connection, tx, "SELECT fingerprint FROM record_versions WHERE record_id = $id");
        Sql.Add(history, "$id", identity.Id);
        await using var versions = await history.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await versions.ReadAsync(ct).ConfigureAwait(false)) identity.History.Add(versions.GetString(0));
        identity.Loaded = true;
    }

    /// <summary>
    /// 件号 handed out in the open transaction, per partition: the last number read from code_sequences once per
    /// transaction, then counted here and written back by <see cref="FlushSequencesAsync"/> before the commit.
    /// Safe because the transaction holds the store's write lock from its first statement to its commit.
    /// </summary>
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);

    private async Task AllocateCodesAsync(SqliteTransaction tx, List<Op> ops, CancellationToken ct)
    {
        var perPartition = new Dictionary<string, List<Op>>(StringComparer.Ordinal);
        foreach (var op in ops)
        {
            if (op.PartitionKey is null) continue;
            if (!perPartition.TryGetValue(op.PartitionKey, out var list)) perPartition[op.PartitionKey] = list = [];
            list.Add(op);
        }
        if (perPartition.Count == 0) return;
        await using var read = Sql.Command(connection, tx, "SELECT last_item_no FROM code_sequences WHERE partition_key = $p");
        var p = Sql.Add(read, "$p", null);
        foreach (var (partition, list) in perPartition)
        {
            if (!_sequences.TryGetValue(partition, out var last))
            {
                p.Value = partition;
                last = await read.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } value and not DBNull
                    ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            }
            foreach (var op in list)
            {
                var record = op.Item.Record!;
                record.ItemNo = ++last;
                record.ArchivalCode = codes.Format(record, partition, record.ItemNo.Value);
                op.Item.ArchivalCode = record.ArchivalCode;
                op.Identity!.ArchivalCode = record.ArchivalCode;
            }
            _sequences[partition] = last;
        }
    }

    /// <summary>Writes the 件号 handed out in this transaction to code_sequences (call right before the commit).</summary>
    public async Task FlushSequencesAsync(SqliteTransaction tx, CancellationToken ct)
    {
        if (_sequences.Count == 0) return;
        await using var cmd = Sql.Command(connection, tx,
            "INSERT INTO code_sequences (partition_key, last_item_no) VALUES ($p, $n) " +
            "ON CONFLICT(partition_key) DO UPDATE SET last_item_no = excluded.last_item_no");
        var p = Sql.Add(cmd, "$p", null);
        var n = Sql.Add(cmd, "$n", 0);
        foreach (var (partition, last) in _sequences)
        {
            p.Value = partition;
            n.Value = last;
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        _sequences.Clear();
    }

    private ProbeFilters? _filters;

    /// <summary>The record insert's text values, bound without a copy (one buffer for the run, reused row after row).</summary>
    private readonly Sqlite.RowBindings _row = new();

    // A partition is (fonds, category, year, retention, org): a few hundred at most, while every new record asks.
    private readonly Dictionary<(string?, string?, int?, string?, string?), string> _partitions = [];

    private string PartitionKey(ArchiveRecord record)
    {
        var parts = (record.Fonds, record.Category, record.Year, record.Retention, record.Org);
        if (_partitions.TryGetValue(parts, out var key)) return key;
        if (_partitions.Count >= 4096) _partitions.Clear();
        return _partitions[parts] = codes.PartitionKey(record);
    }

    private readonly InitialLoadRun _initialLoad = new(connection);

    /// <summary>
    /// Turns this run into an initial load when it pays and is safe (<see cref="InitialLoadRun.TryBeginAsync"/>); the
    /// probe filters then give way to the load's exact maps. Call in the open transaction, before its commit.
    /// </summary>
    public async Task TryBeginInitialLoadAsync(SqliteTransaction tx, RunContext run, long after, string now, CancellationToken ct)
    {
        if (await _initialLoad.TryBeginAsync(tx, run, after, now, ct).ConfigureAwait(false)) _filters = null;
    }

    /// <summary>The open transaction committed.</summary>
    public void Committed() => _initialLoad.Committed();

    /// <summary>
    /// Forgets what a rolled-back transaction decided: its 件号, the probe filters (they may have marked as seen
    /// rowids that the rollback frees for other writers), and the initial load's maps (read again from the store).
    /// A switch to initial load made in that transaction is undone with it.
    /// </summary>
    public void RolledBack()
    {
        _sequences.Clear();
        _filters = null;
        _initialLoad.RolledBack();
    }

    // The batch's audit details, written as UTF-8 into one buffer kept across batches (a hundred kilobytes a batch).
    private System.Buffers.ArrayBufferWriter<byte> _audit = new(4096);
    private Utf8JsonWriter? _auditWriter;

    /// <summary>One audit entry per batch: what changed, by record id and fingerprint (unchanged ones only counted).</summary>
    private ReadOnlyMemory<byte> AuditDetails(RunContext run, IReadOnlyList<PreparedRecord> batch, string? checkpoint)
    {
        var buffer = _audit;
        buffer.ResetWrittenCount();
        var w = _auditWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.Reset(buffer);
        {
            w.WriteStartObject();
            w.WriteString("connector", run.ConnectorId);
            w.WriteString("checkpoint", checkpoint);
            long unchanged = 0;
            foreach (var (name, outcome) in new[] { ("created", RecordOutcome.Created), ("versioned", RecordOutcome.Versioned), ("duplicates", RecordOutcome.Duplicate), ("quarantined", RecordOutcome.Quarantined) })
            {
                w.WriteStartArray(name);
                foreach (var item in batch)
                {
                    if (item.Outcome != outcome) continue;
                    if (outcome == RecordOutcome.Quarantined) w.WriteStringValue(item.QuarantineId);
                    else WriteChange(w, item.RecordId, item.Record?.Fingerprint, outcome == RecordOutcome.Duplicate ? item.DuplicateOf ?? "" : null);
                }
                w.WriteEndArray();
            }
            foreach (var item in batch) if (item.Outcome == RecordOutcome.Unchanged) unchanged++;
            w.WriteNumber("unchanged", unchanged);
            w.WriteEndObject();
            w.Flush();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>"id:fingerprint", or "id:fingerprint>original" for a duplicate, without a string per record.</summary>
    private static void WriteChange(Utf8JsonWriter w, string? id, string? fingerprint, string? original)
    {
        id ??= "";
        fingerprint ??= "";
        var length = id.Length + 1 + fingerprint.Length + (original is null ? 0 : 1 + original.Length);
        if (length <= 256 && IsPlain(id) && IsPlain(fingerprint) && (original is null || IsPlain(original)))
        {
            // Ids and digests are ASCII that JSON keeps as it is: the quoted value is copied, not encoded and escaped
            // (a million records a first sync, on the writer's thread).
            Span<byte> json = stackalloc byte[length + 2];
            json[0] = json[^1] = (byte)'"';
            var at = 1 + Encoding.ASCII.GetBytes(id, json[1..]);
            json[at++] = (byte)':';
            at += Encoding.ASCII.GetBytes(fingerprint, json[at..]);
            if (original is not null)
            {
                json[at++] = (byte)'>';
                Encoding.ASCII.GetBytes(original, json[at..]);
            }
            w.WriteRawValue(json, skipInputValidation: true);
            return;
        }
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        id.CopyTo(text);
        text[id.Length] = ':';
        fingerprint.CopyTo(text[(id.Length + 1)..]);
        if (original is not null)
        {
            text[id.Length + 1 + fingerprint.Length] = '>';
            original.CopyTo(text[(id.Length + 2 + fingerprint.Length)..]);
        }
        w.WriteStringValue(text);
    }

    // Printable ASCII but the quote and the backslash: what a JSON string holds unescaped.
    private static readonly System.Buffers.SearchValues<char> PlainJson =
        System.Buffers.SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static bool IsPlain(string text) => !text.AsSpan().ContainsAnyExcept(PlainJson);

    internal static string RawHash(string? rawText, string rawPayload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawText ?? rawPayload)));
}
