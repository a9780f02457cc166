using System.Data.Common;
using System.Text.Json;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Core.Records;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArchiveBridge.Storage;

/// <summary>
/// The prepared statements of one batch in the run's open transaction. Each statement is built and prepared
/// once per batch and re-bound per record: about one row written per record on the hot path.
/// </summary>
internal sealed class BatchWriter(SqliteConnection connection, SqliteTransaction tx, RunContext run, string now, TimeProvider time, Sqlite.RowBindings row) : IDisposable
{
    private sqlite3_stmt? _insert;
    private SqliteCommand? _seen;
    private SqliteCommand? _attachment;
    private SqliteCommand? _blob;

    /// <summary>Inserts a new record (its attachment rows follow with <see cref="AttachmentsAsync"/>); returns its rowid.</summary>
    public long Insert(PreparedRecord item, string id, string? partitionKey)
    {
        var r = item.Record!;
        // The one statement every new record runs: bound by position straight through SQLitePCL (binding by
        // name through ADO.NET cost a third of the insert), on the same connection and transaction.
        var stmt = _insert ??= PrepareInsert();
        var coded = r.ArchivalCode is not null;
        row.NextRow();
        if (!BindMadeText(item, id, stmt))
        {
            row.Text(connection, stmt, 1, id);
            row.Text(connection, stmt, 3, item.Key!);
            row.Text(connection, stmt, 7, r.Fonds);
            row.Text(connection, stmt, 8, r.Category);
            row.Text(connection, stmt, 10, r.Retention);
            row.Text(connection, stmt, 11, r.Org);
            row.Text(connection, stmt, 12, r.Title);
            row.Text(connection, stmt, 13, r.DocNumber);
            row.Text(connection, stmt, 14, r.Date);
            row.Text(connection, stmt, 15, r.Fingerprint!);
            row.Text(connection, stmt, 16, item.Source.ChangeToken);
            // The record JSON is bound as the UTF-8 the mapping stage made: no conversion on this thread.
            row.Utf8(connection, stmt, 17, item.StoredMetadataUtf8());
            row.Text(connection, stmt, 22, item.StoredChecks());
        }
        // Copied into the row's native buffer: the managed one goes back to the pool for the mapping stage to reuse.
        item.ReleaseStoredMetadataUtf8();
        row.Text(connection, stmt, 4, r.ArchivalCode);
        row.Text(connection, stmt, 5, coded ? partitionKey : null);
        Int(stmt, 6, coded ? r.ItemNo : null);
        Int(stmt, 9, r.Year);
        row.Text(connection, stmt, 18, item.DuplicateOf);
        row.Text(connection, stmt, 20, OutcomeText(item.Outcome));
        Int(stmt, 23, item.FingerprintKey);
        Int(stmt, 24, item.ChangeTokenKey);
        var handle = stmt.DangerousGetHandle();
        var rc = Sqlite.NativeStatement.sqlite3_step(handle);
        Sqlite.NativeStatement.sqlite3_reset(handle);
        GC.KeepAlive(stmt);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        // The connection (and so its handle) lives as long as this writer.
        return Sqlite.NativeStatement.sqlite3_last_insert_rowid(connection.Handle!.DangerousGetHandle());
    }

    // The insert's parameter for each StoredRowText value, in that enum's order.
    private static ReadOnlySpan<byte> RowTextParameters => [1, 3, 7, 8, 10, 11, 12, 13, 14, 15, 16, 22];

    /// <summary>
    /// Binds the record JSON and the row's text values from the UTF-8 the mapping stage made of them (one copy into the
    /// row's buffer, no encoding on this thread). False when there is none, or it was made for another id.
    /// </summary>
    private bool BindMadeText(PreparedRecord item, string id, sqlite3_stmt stmt)
    {
        if (!string.Equals(item.NewRecordId, id, StringComparison.Ordinal) ||
            !item.TryGetStoredRowUtf8(out var made, out var metadataLength, out var lengths)) return false;
        var at = row.Copy(made);
        if (at < 0) return false;
        row.BindCopied(connection, stmt, 17, at, metadataLength);
        at += metadataLength;
        var parameters = RowTextParameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            row.BindCopied(connection, stmt, parameters[i], at, lengths[i]);
            at += Math.Max(0, lengths[i]);
        }
        return true;
    }

    private sqlite3_stmt PrepareInsert()
    {
        var stmt = PrepareRaw("INSERT INTO records (id, connector_id, source_key, archival_code, partition_key, item_no, fonds, category, year, retention, org, " +
            "title, doc_number, date, version, fingerprint, change_token, metadata, duplicate_of, first_run_id, content_run_id, last_run_id, " +
            "last_outcome, created_at, updated_at, checks, fingerprint_key, change_token_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " +
            "?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16, ?17, ?18, ?19, ?19, ?19, ?20, ?21, ?21, ?22, ?23, ?24)");
        // What is the same for the whole batch is bound once: SQLite keeps bindings across resets.
        Constant(stmt, 2, run.ConnectorId);
        Constant(stmt, 19, run.RunId);
        Constant(stmt, 21, now);
        return stmt;
    }

    private sqlite3_stmt PrepareRaw(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return stmt;
    }

    /// <summary>Binds a value that stays for the whole batch; SQLite keeps its own copy.</summary>
    private void Constant(sqlite3_stmt stmt, int index, string value)
    {
        var rc = raw.sqlite3_bind_text(stmt, index, value);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    private static void Int(sqlite3_stmt stmt, int index, long? value)
    {
        if (value is { } v) Sqlite.NativeStatement.sqlite3_bind_int64(stmt.DangerousGetHandle(), index, v);
        else Sqlite.NativeStatement.sqlite3_bind_null(stmt.DangerousGetHandle(), index);
        GC.KeepAlive(stmt);
    }

    public async Task SeenAsync(PreparedRecord item, string id, CancellationToken ct)
    {
        var cmd = _seen ??= Prepare(
            "UPDATE records SET last_run_id = $run, last_outcome = $outcome, change_token = coalesce($token, change_token), " +
            "change_token_key = coalesce($tokk, change_token_key) WHERE id = $id",
            "$run", "$outcome", "$token", "$id", "$tokk");
        cmd.Parameters[0].Value = run.RunId;
        cmd.Parameters[1].Value = OutcomeText(item.Outcome);
        cmd.Parameters[2].Value = (object?)item.Source.ChangeToken ?? DBNull.Value;
        cmd.Parameters[3].Value = id;
        cmd.Parameters[4].Value = (object?)item.ChangeTokenKey ?? DBNull.Value;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task VersionAsync(PreparedRecord item, string id, string metadata, ArchiveRecord oldContent, string oldFingerprint, int oldVersion,
        string oldRunId, string oldAt, string? oldChecks, string? partitionKey, CancellationToken ct)
    {
        var r = item.Record!;
        var changed = RecordDiff.ChangedFields(oldContent, r);
        await using (var keep = Sql.Command(connection, tx,
            "INSERT INTO record_versions (record_id, version, fingerprint, metadata, run_id, archived_at, superseded_by_run_id, superseded_at, changed_fields, checks) " +
            "VALUES ($id, $v, $fp, $meta, $run, $at, $by, $now, $changed, $checks)"))
        {
            Sql.Add(keep, "$id", id);
            Sql.Add(keep, "$v", oldVersion);
            Sql.Add(keep, "$fp", oldFingerprint);
            // The versions table has no content columns: the kept JSON holds every content field.
            Sql.Add(keep, "$meta", System.Text.Encoding.UTF8.GetString(StoredRecordJson.SerializeVersion(oldContent)));
            Sql.Add(keep, "$run", oldRunId);
            Sql.Add(keep, "$at", oldAt);
            Sql.Add(keep, "$by", run.RunId);
            Sql.Add(keep, "$now", now);
            Sql.Add(keep, "$changed", JsonSerializer.Serialize(changed));
            Sql.Add(keep, "$checks", oldChecks);
            await keep.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var update = Sql.Command(connection, tx,
            "UPDATE records SET fonds = $fonds, category = $cat, year = $year, retention = $ret, org = $org, title = $title, doc_number = $doc, " +
            "date = $date, version = $v, fingerprint = $fp, fingerprint_key = $fpk, change_token = $token, change_token_key = $tokk, metadata = $meta, content_run_id = $run, last_run_id = $run, " +
            "last_outcome = 'versioned', updated_at = $now, duplicate_of = NULL, checks = $checks, " +
            "archival_code = coalesce(archival_code, $code), partition_key = coalesce(partition_key, $part), item_no = coalesce(item_no, $item) WHERE id = $id"))
        {
            foreach (var name in new[] { "$fonds", "$cat", "$year", "$ret", "$org", "$title", "$doc", "$date" }) Sql.Add(update, name, null);
            SetRecordColumns(update.Parameters, r, 0);
            Sql.Add(update, "$v", oldVersion + 1);
            Sql.Add(update, "$fp", r.Fingerprint);
            Sql.Add(update, "$token", item.Source.ChangeToken);
            Sql.Add(update, "$fpk", item.FingerprintKey);
            Sql.Add(update, "$tokk", item.ChangeTokenKey);
            Sql.Add(update, "$meta", metadata);
            Sql.Add(update, "$run", run.RunId);
            Sql.Add(update, "$now", now);
            Sql.Add(update, "$code", partitionKey is null ? null : r.ArchivalCode);
            Sql.Add(update, "$part", partitionKey);
            Sql.Add(update, "$item", partitionKey is null ? null : r.ItemNo);
            Sql.Add(update, "$checks", item.StoredChecks());
            Sql.Add(update, "$id", id);
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await AttachmentsAsync(id, oldVersion + 1, r, ct).ConfigureAwait(false);
    }

    public async Task<string> QuarantineAsync(PreparedRecord item, CancellationToken ct)
    {
        var problem = item.Problem!;
        var source = item.Source;
        var raw = source.Fields.ToRawJson();
        await using var cmd = Sql.Command(connection, tx,
            "INSERT INTO quarantine (id, connector_id, run_id, last_run_id, source_key, location, line_number, reason, field, value, message, " +
            "message_zh, raw_payload, raw_text, raw_hash, source_url, status, attempts, created_at, updated_at) VALUES ($id, $c, $run, $run, $key, " +
            "$loc, $line, $reason, $field, $value, $msg, $zh, $raw, $text, $hash, $url, 'open', 1, $now, $now) " +
            "ON CONFLICT (connector_id, raw_hash) WHERE status = 'open' DO UPDATE SET last_run_id = excluded.last_run_id, " +
            "reason = excluded.reason, field = excluded.field, value = excluded.value, message = excluded.message, message_zh = excluded.message_zh, " +
            "location = excluded.location, line_number = excluded.line_number, source_key = coalesce(excluded.source_key, source_key), " +
            "attempts = attempts + 1, updated_at = excluded.updated_at RETURNING id");
        Sql.Add(cmd, "$id", Ids.New(time));
        Sql.Add(cmd, "$c", run.ConnectorId);
        Sql.Add(cmd, "$run", run.RunId);
        Sql.Add(cmd, "$key", item.Key ?? source.SourceKey);
        Sql.Add(cmd, "$loc", source.Location);
        Sql.Add(cmd, "$line", source.LineNumber);
        Sql.Add(cmd, "$reason", problem.Reason);
        Sql.Add(cmd, "$field", problem.Field);
        Sql.Add(cmd, "$value", problem.Value);
        Sql.Add(cmd, "$msg", problem.Message);
        Sql.Add(cmd, "$zh", problem.MessageZh);
        Sql.Add(cmd, "$raw", raw);
        Sql.Add(cmd, "$text", source.RawText);
        Sql.Add(cmd, "$hash", BatchCommitter.RawHash(source.RawText, raw));
        Sql.Add(cmd, "$url", source.SourceUrl);
        Sql.Add(cmd, "$now", now);
        return (string)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public async Task CheckpointAsync(string position, CancellationToken ct)
    {
        await using var cmd = Sql.Command(connection, tx,
            "INSERT INTO checkpoints (connector_id, position, run_id, updated_at) VALUES ($c, $pos, $run, $now) " +
            "ON CONFLICT(connector_id) DO UPDATE SET position = excluded.position, run_id = excluded.run_id, updated_at = excluded.updated_at");
        Sql.Add(cmd, "$c", run.ConnectorId);
        Sql.Add(cmd, "$pos", position);
        Sql.Add(cmd, "$run", run.RunId);
        Sql.Add(cmd, "$now", now);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task AttachmentsAsync(string recordId, int version, ArchiveRecord r, CancellationToken ct)
    {
        if (r.Attachments.Count == 0) return;
        var attachment = _attachment ??= Prepare(
            "INSERT INTO attachments (record_id, version, ordinal, name, sha256, size, media_type) VALUES ($r, $v, $o, $n, $sha, $size, $mt)",
            "$r", "$v", "$o", "$n", "$sha", "$size", "$mt");
        var blob = _blob ??= Prepare("INSERT INTO blobs (sha256, size, created_at) VALUES ($sha, $size, $now) ON CONFLICT(sha256) DO NOTHING",
            "$sha", "$size", "$now");
        for (var i = 0; i < r.Attachments.Count; i++)
        {
            var a = r.Attachments[i];
            blob.Parameters[0].Value = a.Sha256;
            blob.Parameters[1].Value = a.Size;
            blob.Parameters[2].Value = now;
            await blob.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            var p = attachment.Parameters;
            p[0].Value = recordId;
            p[1].Value = version;
            p[2].Value = i;
            p[3].Value = a.Name;
            p[4].Value = a.Sha256;
            p[5].Value = a.Size;
            p[6].Value = (object?)a.MediaType ?? DBNull.Value;
            await attachment.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static void SetRecordColumns(DbParameterCollection p, ArchiveRecord r, int start)
    {
        p[start].Value = (object?)r.Fonds ?? DBNull.Value;
        p[start + 1].Value = (object?)r.Category ?? DBNull.Value;
        p[start + 2].Value = (object?)r.Year ?? DBNull.Value;
        p[start + 3].Value = (object?)r.Retention ?? DBNull.Value;
        p[start + 4].Value = (object?)r.Org ?? DBNull.Value;
        p[start + 5].Value = (object?)r.Title ?? DBNull.Value;
        p[start + 6].Value = (object?)r.DocNumber ?? DBNull.Value;
        p[start + 7].Value = (object?)r.Date ?? DBNull.Value;
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _seen?.Dispose();
        _attachment?.Dispose();
        _blob?.Dispose();
    }

    private SqliteCommand Prepare(string text, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
        cmd.Prepare();
        return cmd;
    }

    internal static string OutcomeText(RecordOutcome outcome) => outcome switch
    {
        RecordOutcome.Created => "created",
        RecordOutcome.Versioned => "versioned",
        RecordOutcome.Unchanged => "unchanged",
        RecordOutcome.Duplicate => "duplicate",
        RecordOutcome.Quarantined => "quarantined",
        _ => "failed",
    };
}
