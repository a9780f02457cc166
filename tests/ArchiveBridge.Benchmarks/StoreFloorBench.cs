using System.Diagnostics;
using System.Security.Cryptography;
using ArchiveBridge.Core;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArchiveBridge.Benchmarks;

/// <summary>
/// The floor under the ingest bench: what SQLite alone does with the real records table (its migrations, indexes,
/// 16 KiB pages, the run writer's cache) when a single thread only inserts prepared rows of a real record's
/// size, 50,000 per commit — no reading, mapping, deciding or auditing. The pipeline cannot beat this figure.
/// </summary>
internal static class StoreFloorBench
{
    private const string Metadata = """{"fonds":"Z001","fondsUnit":"华东示范集团有限公司","category":"RS","year":2015,"retention":"D30","org":"YXB","title":"吴翀2015年度考核登记表","docNumber":"人考〔2015〕1号","responsible":"市场营销部","date":"2015-11-23","security":"公开","pages":4,"keywords":["考核","年度"],"source":{"system":"人事系统 HR","connectorId":"hr-csv","sourceKey":"E10002-人考〔2015〕1号","retrievedAt":"2026-11-26T08:12:35.5717819+00:00","location":"hr/hr_export.csv","lineNumber":2},"attachments":[],"version":1,"fingerprint":"2193f627651aeaade3fb882b5d1c0deb811ba5900dba8c9b51738b5d173b1b86","events":[{"action":"ingestion","at":"2026-11-26T08:12:35Z","by":"archivebridge","detail":"归档 via hr-csv"},{"action":"validation","at":"2026-11-26T08:12:35Z","by":"archivebridge","detail":"2 check(s) passed"}],"extra":{"employeeId":"E10002","employeeName":"吴翀"}}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 1_000_000);
        using var dir = new TempDirectory();
        var store = new ArchiveStore($"Data Source={dir.Combine("archive.db")}", ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await using var connection = await store.OpenAsync(CancellationToken.None);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{BenchArgs.Int(args, "--cache-mib", store.WriterCacheMiB) * 1024}; PRAGMA wal_autocheckpoint = 0;";
            pragma.ExecuteNonQuery();
        }
        // --drop IX_a,IX_b: what each index of the records table costs the insert.
        var dropped = new List<string>();
        foreach (var index in BenchArgs.Text(args, "--drop", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            using (var sql = connection.CreateCommand())
            {
                sql.CommandText = $"SELECT sql FROM sqlite_master WHERE name = '{index}'";
                dropped.Add((string)sql.ExecuteScalar()!);
            }
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX \"{index}\"";
            drop.ExecuteNonQuery();
        }
        var parts = (from year in Enumerable.Range(2000, 25) from org in HrCsvGenerator.Departments.Values select $"Z001-RS·{year}-D30-{org}").ToArray();
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(20240305);
        var clock = Stopwatch.StartNew();
        SqliteTransaction? tx = null;
        sqlite3_stmt? stmt = null;
        for (var i = 0; i < rows; i++)
        {
            if (tx is null)
            {
                tx = connection.BeginTransaction();
                raw.sqlite3_prepare_v2(connection.Handle,
                    "INSERT INTO records (id, connector_id, source_key, archival_code, partition_key, item_no, fonds, category, year, retention, org, title, " +
                    "doc_number, date, version, fingerprint, change_token, metadata, first_run_id, content_run_id, last_run_id, last_outcome, created_at, " +
                    "updated_at, checks, fingerprint_key, change_token_key) VALUES (?1, 'bench', ?2, ?3, ?4, ?5, 'Z001', 'RS', 2015, 'D30', 'YXB', " +
                    "'吴翀2015年度考核登记表', '人考〔2015〕1号', '2015-11-23', 1, ?6, ?7, ?8, 'RUN', 'RUN', 'RUN', 'created', '2026-11-26T00:00:00Z', " +
                    "'2026-11-26T00:00:00Z', '{\"passed\":[\"authenticity.source_recorded\",\"integrity.required_metadata\"],\"failed\":[]}', ?9, ?10)", out stmt);
            }
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)));
            var token = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(~i)).AsSpan(0, 16));
            var partition = parts[random.Next(parts.Length)];
            next.TryGetValue(partition, out var itemNo);
            next[partition] = ++itemNo;
            raw.sqlite3_bind_text(stmt, 1, Ids.New(TimeProvider.System));
            raw.sqlite3_bind_text(stmt, 2, $"E{random.Next(10000, 99999)}-人考〔{2000 + i % 25}〕{i}号");
            raw.sqlite3_bind_text(stmt, 3, $"{partition}-{itemNo:D4}");
            raw.sqlite3_bind_text(stmt, 4, partition + "-{itemNo}");
            raw.sqlite3_bind_int64(stmt, 5, itemNo);
            raw.sqlite3_bind_text(stmt, 6, fingerprint);
            raw.sqlite3_bind_text(stmt, 7, token);
            raw.sqlite3_bind_text(stmt, 8, Metadata);
            raw.sqlite3_bind_int64(stmt, 9, IndexKeys.FromHexDigest(fingerprint));
            raw.sqlite3_bind_int64(stmt, 10, IndexKeys.FromText(token));
            var rc = raw.sqlite3_step(stmt);
            raw.sqlite3_reset(stmt);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            if ((i + 1) % 50_000 == 0 || i == rows - 1)
            {
                stmt!.Dispose();
                tx.Commit();
                tx.Dispose();
                tx = null;
            }
        }
        var loaded = clock.Elapsed;
        if (args.Contains("--rebuild"))
        {
            foreach (var sql in dropped)
            {
                var step = Stopwatch.StartNew();
                using var create = connection.CreateCommand();
                create.CommandText = sql;
                create.ExecuteNonQuery();
                Console.WriteLine($"rebuilt in {step.Elapsed.TotalSeconds:N2} s: {sql}");
            }
        }
        Console.WriteLine($"loaded in {loaded.TotalSeconds:N2} s");
        Console.WriteLine($"store floor: {rows:N0} record rows inserted into the real records table in {clock.Elapsed.TotalSeconds:N2} s = {rows / clock.Elapsed.TotalSeconds:N0} rows/s (one thread, 50,000 per commit, nothing else)");
        SqliteConnection.ClearAllPools();
        return 0;
    }
}
