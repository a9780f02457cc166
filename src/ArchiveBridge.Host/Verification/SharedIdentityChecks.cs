using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// 真实性 across records: a 档号 names one record, and one document (文号 + 题名) is archived under one identity.
/// The rows sharing a value come out grouped, earliest record first: only a group's first record is kept in memory
/// and every later one is reported naming it.
/// </summary>
internal static class SharedIdentityChecks
{
    // Each group's size (and whether the connector asked for holds a record of it) by a window over the value:
    // one pass in the value's order (the 档号 index gives it on a healthy store), no join back. Only the rows of
    // shared values are sorted for output, earliest record first.
    private const string Columns = "id, archival_code, connector_id, source_key, version, created_at, count(*) OVER g AS n, sum(connector_id = $c) OVER g AS mine";

    private const string ArchivalCodeSql = $"""
        SELECT id, archival_code, connector_id, source_key, version, n, archival_code FROM (
          SELECT {Columns} FROM records WHERE archival_code IS NOT NULL WINDOW g AS (PARTITION BY archival_code))
        WHERE n > 1 AND ($c IS NULL OR mine > 0)
        ORDER BY archival_code, created_at, id
        """;

    // Duplicates are links to the record they repeat, not other identities: left out on both sides.
    private const string DocNumberTitleSql = $"""
        SELECT id, archival_code, connector_id, source_key, version, n, doc_number || char(31) || title, doc_number, title FROM (
          SELECT {Columns}, doc_number, title FROM records WHERE duplicate_of IS NULL AND trim(doc_number) <> '' AND trim(title) <> ''
          WINDOW g AS (PARTITION BY doc_number, title))
        WHERE n > 1 AND ($c IS NULL OR mine > 0)
        ORDER BY doc_number, title, created_at, id
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
