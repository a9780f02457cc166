using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Reports;

/// <summary>
/// The runs a report covers, as a SQL sub-select with bound values: one run by id, or the runs started in
/// [from, to) of one connector or all. Every report query filters by it, so they agree on what "the period" is.
/// </summary>
internal sealed record ReportSelection(string? RunId, string? From, string? To, string? ConnectorId)
{
    public static ReportSelection OneRun(string runId) => new(runId, null, null, null);

    /// <summary>A period from the request; an open end is the beginning of time, or now.</summary>
    public static ReportSelection For(ReportRequest request, DateTimeOffset now)
    {
        var from = request.From ?? DateTimeOffset.UnixEpoch;
        var to = request.To ?? now;
        if (request.IsPeriod && from >= to)
            throw new ArgumentException($"the period's start {StoreTime.ToText(from)} is not before its end {StoreTime.ToText(to)}", nameof(request));
        return new(request.RunId, StoreTime.ToText(from), StoreTime.ToText(to), request.ConnectorId);
    }

    /// <summary>A command whose text has <c>{runs}</c> replaced by the sub-select, with its parameters bound.</summary>
    public SqliteCommand Command(SqliteConnection connection, string text)
    {
        var runs = RunId is not null
            ? "SELECT $run"
            : "SELECT id FROM runs WHERE started_at >= $from AND started_at < $to AND ($c IS NULL OR connector_id = $c)";
        var cmd = connection.CreateCommand();
        cmd.CommandText = text.Replace("{runs}", runs, StringComparison.Ordinal);
        if (RunId is not null) Sql.Add(cmd, "$run", RunId);
        else
        {
            Sql.Add(cmd, "$from", From);
            Sql.Add(cmd, "$to", To);
            Sql.Add(cmd, "$c", ConnectorId);
        }
        return cmd;
    }
}
