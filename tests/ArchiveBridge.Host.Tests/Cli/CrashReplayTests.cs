using System.Text.Json;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Host.Tests.Cli;

/// <summary>kill -9 of the real executable mid-run, then a re-run: the store holds every unique row exactly once.</summary>
public sealed class CrashReplayTests : IDisposable
{
    private const int Rows = 40_000;
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    /// <summary>
    /// Commits every 2,000 records: with the default (50,000, or every 2 s) a run faster than 20,000 records/s makes its
    /// first commit at the end, and the kill would come too late.
    /// </summary>
    [Fact]
    public Task Sync_KilledMidRunThenRerun_StoreHoldsEachUniqueRowOnce() =>
        KillThenRerunAsync(extraStore: null, commitRecords: 2000, killWhen: "SELECT count(*) FROM checkpoints");

    /// <summary>
    /// Killed while an initial load has the records indexes down (the first sync of an empty archive past
    /// <c>initialLoadAfter</c>): the re-run finds the loading run dead, builds the indexes, and replays.
    /// </summary>
    [Fact]
    public async Task Sync_KilledDuringInitialLoadThenRerun_IndexesAreBuiltAndEachUniqueRowStoredOnce()
    {
        await KillThenRerunAsync(extraStore: "\"initialLoadAfter\": 1000", commitRecords: 2000, killWhen: "SELECT count(*) FROM deferred_indexes");

        var db = Path.Combine(_ws.Path, "data", "archive.db");
        Assert.Equal(0, Count(db, "SELECT count(*) FROM deferred_indexes"));
        Assert.Equal(4, Count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' " +
            "AND name IN ('IX_records_connector_id_source_key', 'IX_records_fingerprint_key', 'IX_records_archival_code', 'IX_records_change_token_key')"));
        Assert.Equal(1, Count(db, "SELECT count(*) FROM audit_log WHERE action = 'initial_load.finished' AND actor = 'recovery'"));
    }

    private async Task KillThenRerunAsync(string? extraStore, int? commitRecords, string killWhen)
    {
        var csv = Path.Combine(_ws.Path, "big.csv");
        new HrCsvGenerator().WriteFile(csv, Rows);
        _ws.WriteCsvConfig(csv, batchSize: 1000, extraStore: extraStore, commitRecords: commitRecords);
        var db = Path.Combine(_ws.Path, "data", "archive.db");

        using (var child = CliProcess.Start(null, "sync", "hr", "--config", _ws.Config))
        {
            // Wait (bounded) until the moment to kill has come (a committed batch at least), then kill without warning.
            var committed = false;
            for (var i = 0; i < 3000 && !committed && !child.HasExited; i++)
            {
                committed = Count(db, killWhen) > 0;
                if (!committed) await Task.Delay(20);
            }
            Assert.True(committed, $"'{killWhen}' found nothing before the child exited");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
        var before = Count(db, "SELECT count(*) FROM records");
        Assert.InRange(before, 1, Rows - 1);

        var rerun = await _ws.RunAsync("sync", "hr", "--json");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var run = JsonDocument.Parse(rerun.Lines[^1]).RootElement;
        Assert.Equal(run.GetProperty("read").GetInt64(), run.GetProperty("created").GetInt64() + run.GetProperty("unchanged").GetInt64());
        Assert.Equal(Rows, Count(db, "SELECT count(*) FROM records"));
        Assert.Equal(Rows, Count(db, "SELECT count(DISTINCT source_key) FROM records"));
        // 件号 stay contiguous per partition despite the crash (the killed transaction allocated nothing).
        Assert.Equal(0, Count(db, "SELECT count(*) FROM (SELECT partition_key FROM records GROUP BY partition_key HAVING max(item_no) <> count(*))"));
    }

    private static long Count(string db, string sql)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }
}
