using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// 完整性: the 件号 of each partition are exactly 1..n, n the allocator's last number (<c>code_sequences</c>). A missing
/// number is a deleted record; a number beyond n, or one held twice, is a row ArchiveBridge did not allocate.
/// </summary>
internal static class ItemNoContinuityCheck
{
    /// <summary>Numbers listed per partition and kind; the message gives the full count.</summary>
    private const int Listed = 20;

    // One row per partition: the allocator's last number, the records numbered in it, and the distinct numbers
    // among them in 1..last. Contiguous exactly when both counts equal last. The second part finds partitions
    // whose every record is gone (not attributable to a connector, so left out when one is asked for).
    private const string PartitionsSql = """
        SELECT r.partition_key, coalesce(s.last_item_no, 0), count(*),
               count(DISTINCT CASE WHEN r.item_no BETWEEN 1 AND coalesce(s.last_item_no, 0) THEN r.item_no END)
        FROM records r LEFT JOIN code_sequences s ON s.partition_key = r.partition_key
        WHERE r.partition_key IS NOT NULL AND r.item_no IS NOT NULL
          AND ($c IS NULL OR r.partition_key IN (SELECT partition_key FROM records WHERE connector_id = $c))
        GROUP BY r.partition_key
        UNION ALL
        SELECT s.partition_key, s.last_item_no, 0, 0 FROM code_sequences s
        WHERE $c IS NULL AND s.last_item_no > 0
          AND NOT EXISTS (SELECT 1 FROM records r WHERE r.partition_key = s.partition_key AND r.item_no IS NOT NULL)
        """;

    // The gaps as ranges (after each present number, up to the next one), 0 standing in before the first.
    private const string GapsSql = """
        SELECT item_no + 1, coalesce(next_no, $last + 1) - 1 FROM (
          SELECT item_no, lead(item_no) OVER (ORDER BY item_no) AS next_no FROM (
            SELECT 0 AS item_no UNION SELECT item_no FROM records WHERE partition_key = $p AND item_no BETWEEN 1 AND $last))
        WHERE coalesce(next_no, $last + 1) > item_no + 1
        ORDER BY item_no LIMIT $limit
        """;

    private const string BeyondSql = """
        SELECT item_no FROM records WHERE partition_key = $p AND item_no IS NOT NULL AND item_no NOT BETWEEN 1 AND $last
        ORDER BY item_no LIMIT $limit
        """;

    private const string ReusedSql = """
        SELECT item_no FROM records WHERE partition_key = $p AND item_no BETWEEN 1 AND $last
        GROUP BY item_no HAVING count(*) > 1 ORDER BY item_no LIMIT $limit
        """;

    public static async Task RunAsync(SqliteConnection connection, string? connectorId, FixityTally tally, CancellationToken ct)
    {
        await using var partitions = connection.CreateCommand();
        partitions.CommandText = PartitionsSql;
        partitions.Parameters.AddWithValue("$c", (object?)connectorId ?? DBNull.Value);
        await using var reader = await partitions.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            tally.Partitions++;
            var (partition, last, numbered, inRange) = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            if (numbered == last && inRange == last) continue;
            await ReportAsync(connection, partition, last, missing: last - inRange, extra: numbered - inRange, tally, ct).ConfigureAwait(false);
        }
    }

    private static async Task ReportAsync(SqliteConnection connection, string partition, long last, long missing, long extra, FixityTally tally, CancellationToken ct)
    {
        List<string> en = [], zh = [];
        if (missing > 0)
        {
            var gaps = Listing(await NumbersAsync(connection, GapsSql, partition, last, ct).ConfigureAwait(false), missing);
            en.Add($"missing {gaps} ({missing} in all: deleted records)");
            zh.Add($"缺少 {gaps}（共 {missing} 个：记录被删除）");
        }
        if (extra > 0)
        {
            var beyond = await NumbersAsync(connection, BeyondSql, partition, last, ct).ConfigureAwait(false);
            if (beyond.Count > 0)
            {
                en.Add($"beyond the allocated {last}: {Listing(beyond, null)} (rows ArchiveBridge did not allocate)");
                zh.Add($"超出已分配的 {last}：{Listing(beyond, null)}（非本系统分配的记录）");
            }
            var reused = await NumbersAsync(connection, ReusedSql, partition, last, ct).ConfigureAwait(false);
            if (reused.Count > 0)
            {
                en.Add($"held by more than one record: {Listing(reused, null)}");
                zh.Add($"被多条记录重复使用：{Listing(reused, null)}");
            }
        }
        await tally.ReportAsync(new FixityProblem(null, null, null, null, null, null, null, FixityCheckId.ItemNoContiguous, FixityProblem.Fail,
            $"the 件号 are not 1..{last} as allocated: {string.Join("; ", en)}", $"件号不是已分配的 1..{last}：{string.Join("；", zh)}")
        { PartitionKey = partition }, ct).ConfigureAwait(false);
    }

    /// <summary>The first <see cref="Listed"/> numbers, "…" after them when there are more.</summary>
    private static string Listing(List<long> numbers, long? total) =>
        string.Join(", ", numbers.Take(Listed).Select(n => n.ToString(CultureInfo.InvariantCulture))) +
        (numbers.Count > Listed || total > numbers.Count ? ", …" : "");

    /// <summary>Up to <see cref="Listed"/> + 1 numbers (the one more tells there are more); ranges (two columns) are expanded.</summary>
    private static async Task<List<long>> NumbersAsync(SqliteConnection connection, string sql, string partition, long last, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", partition);
        command.Parameters.AddWithValue("$last", last);
        command.Parameters.AddWithValue("$limit", Listed + 1);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var numbers = new List<long>();
        while (numbers.Count <= Listed && await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var (from, to) = reader.FieldCount == 2 ? (reader.GetInt64(0), reader.GetInt64(1)) : (reader.GetInt64(0), reader.GetInt64(0));
            for (var n = from; n <= to && numbers.Count <= Listed; n++) numbers.Add(n);
        }
        return numbers;
    }
}
