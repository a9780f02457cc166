using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// 完整性 of the runs: every record a finished run read got exactly one outcome, so read = created + versioned +
/// unchanged + duplicates + quarantined + failed. A run that does not reconcile had its counts edited or lost records.
/// </summary>
internal static class RunCountsCheck
{
    private const string Finished = "status <> 'running' AND ($c IS NULL OR connector_id = $c)";

    private const string CountSql = $"SELECT count(*) FROM runs WHERE {Finished}";

    private const string UnreconciledSql = $"""
        SELECT id, connector_id, status, read, created, versioned, unchanged, duplicates, quarantined, failed FROM runs
        WHERE {Finished} AND read <> created + versioned + unchanged + duplicates + quarantined + failed
        ORDER BY started_at, id
        """;

    public static async Task RunAsync(SqliteConnection connection, string? connectorId, FixityTally tally, CancellationToken ct)
    {
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = CountSql;
            count.Parameters.AddWithValue("$c", (object?)connectorId ?? DBNull.Value);
            tally.Runs += Convert.ToInt64(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = UnreconciledSql;
        command.Parameters.AddWithValue("$c", (object?)connectorId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var (id, connector, status) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            var (read, created, versioned, unchanged) = (reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            var (duplicates, quarantined, failed) = (reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
            var sum = created + versioned + unchanged + duplicates + quarantined + failed;
            await tally.ReportAsync(new FixityProblem(null, null, connector, null, null, null, null, FixityCheckId.RunCountsReconcile, FixityProblem.Fail,
                $"the {status} run's counts do not reconcile: read {read} ≠ created {created} + versioned {versioned} + unchanged {unchanged} + " +
                $"duplicates {duplicates} + quarantined {quarantined} + failed {failed} = {sum}",
                $"运行（{status}）的计数不平衡：读取 {read} ≠ 新建 {created} + 新版本 {versioned} + 未变 {unchanged} + 重复 {duplicates} + " +
                $"隔离 {quarantined} + 失败 {failed} = {sum}")
            { RunId = id }, ct).ConfigureAwait(false);
        }
    }
}
