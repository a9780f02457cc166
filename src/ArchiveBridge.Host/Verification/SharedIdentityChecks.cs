using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// 真实性 across records: a 档号 names one record, and one document (文号 + 题名) is archived under one identity.
/// The groups sharing a value are found by GROUP BY (on a healthy store the 档号 one walks its unique index and
/// finds nothing); only their rows are read back, in order, so the first (earliest) record of each group is kept
/// in memory and every later one is reported naming it.
/// </summary>
internal static class SharedIdentityChecks
{
    private const string Columns = "r.id, r.archival_code, r.connector_id, r.source_key, r.version, g.n";

    private const string ArchivalCodeSql = $"""
        WITH g AS (SELECT archival_code, count(*) AS n FROM records WHERE archival_code IS NOT NULL GROUP BY archival_code
                   HAVING count(*) > 1 AND ($c IS NULL OR sum(connector_id = $c) > 0))
        SELECT {Columns}, r.archival_code FROM g JOIN records r ON r.archival_code = g.archival_code
        ORDER BY r.archival_code, r.created_at, r.id
        """;

    // Duplicates are links to the record they repeat, not other identities: left out on both sides.
    private const string DocNumberTitleSql = $"""
        WITH g AS (SELECT doc_number, title, count(*) AS n FROM records
                   WHERE duplicate_of IS NULL AND trim(doc_number) <> '' AND trim(title) <> '' GROUP BY doc_number, title
                   HAVING count(*) > 1 AND ($c IS NULL OR sum(connector_id = $c) > 0))
        SELECT {Columns}, r.doc_number || char(31) || r.title, r.doc_number, r.title FROM g
        JOIN records r ON r.doc_number = g.doc_number AND r.title = g.title AND r.duplicate_of IS NULL
        ORDER BY r.doc_number, r.title, r.created_at, r.id
        """;

    public static Task ArchivalCodeUniqueAsync(SqliteConnection connection, string? connectorId, FixityTally tally, CancellationToken ct) =>
        ReportGroupsAsync(connection, ArchivalCodeSql, connectorId, tally, (reader, first, n) => new FixityProblem(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), null, null,
            FixityCheckId.ArchivalCodeUnique, FixityProblem.Fail,
            $"档号 {first.ArchivalCode} is also held by record {first.Id} ({first.Connector}/{first.SourceKey}): {n} records hold one 档号",
            $"档号 {first.ArchivalCode} 已由记录 {first.Id}（{first.Connector}/{first.SourceKey}）持有：{n} 条记录共用一个档号"), ct);

    public static Task DocNumberTitleUniqueAsync(SqliteConnection connection, string? connectorId, FixityTally tally, CancellationToken ct) =>
        ReportGroupsAsync(connection, DocNumberTitleSql, connectorId, tally, (reader, first, n) =>
        {
            var (docNumber, title) = (reader.GetString(7), reader.GetString(8));
            return new FixityProblem(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), null, null, FixityCheckId.DocNumberTitleUnique, FixityProblem.Warn,
                $"文号 {docNumber} with 题名 {title} is already archived under another identity: record {first.Id} 档号 {first.ArchivalCode ?? "-"} " +
                $"({first.Connector}/{first.SourceKey}), not linked as its duplicate; {n} records share them",
                $"文号 {docNumber}、题名 {title} 已以另一身份归档：记录 {first.Id} 档号 {first.ArchivalCode ?? "-"}（{first.Connector}/{first.SourceKey}），" +
                $"且未关联为重复件；共 {n} 条记录相同");
        }, ct);

    /// <summary>Rows ordered by group (column 6 is the group's value), earliest first: every row after a group's first is a problem.</summary>
    private static async Task ReportGroupsAsync(SqliteConnection connection, string sql, string? connectorId, FixityTally tally,
        Func<SqliteDataReader, Holder, long, FixityProblem> problem, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$c", (object?)connectorId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        string? group = null;
        Holder? first = null;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var value = reader.GetString(6);
            if (first is null || !string.Equals(group, value, StringComparison.Ordinal))
            {
                (group, first) = (value, new Holder(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                continue;
            }
            await tally.ReportAsync(problem(reader, first, reader.GetInt64(5)), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The earliest record of a group: the one the later ones are reported against.</summary>
    private sealed record Holder(string Id, string? ArchivalCode, string Connector, string SourceKey);
}
