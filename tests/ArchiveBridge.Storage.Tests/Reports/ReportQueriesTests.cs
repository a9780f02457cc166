using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Storage.Reports;
using ArchiveBridge.Storage.Tests.Audit;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Storage.Tests.Reports;

public sealed class ReportQueriesTests : IDisposable
{
    private readonly StoreFixture _f = new(batchSize: 2);

    public void Dispose() => _f.Dispose();

    private ReportQueries Queries => new(_f.Store, TimeProvider.System);

    [Fact]
    public async Task BuildAsync_RunWithCreatedDuplicateAndQuarantined_CountsReconcileAndReasonsListed()
    {
        var run = await _f.SyncAsync(MixedConnector("hr-csv"));

        var report = await Queries.BuildAsync(new ReportRequest { RunId = run.RunId }, CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal(ReportScope.Run, report.Scope);
        Assert.Equal(new ReportCounts(5, 2, 0, 0, 1, 2, 0), report.Totals);
        Assert.True(report.Totals.Reconciles);
        Assert.False(report.Succeeded);
        Assert.Equal(RunStatus.CompletedWithProblems, Assert.Single(report.Runs).Status);
        Assert.Equal("hr-csv", report.Connector);
        Assert.Equal(2, report.QuarantineTotal);
        var missing = Assert.Single(report.Quarantine, q => q.Reason == ReasonCodes.MissingField);
        Assert.Equal(("hr-csv", "hr_export.csv", 4L, "nodate"), (missing.Connector, missing.Location, missing.Line, missing.Key));
        var malformed = Assert.Single(report.Quarantine, q => q.Reason == ReasonCodes.MalformedRow);
        Assert.Equal("unclosed quote", malformed.Message);
        Assert.Equal("引号未闭合", malformed.MessageZh);
        var last = await StoreSql.ScalarAsync<long>(_f.Store, "SELECT max(seq) FROM audit_log");
        Assert.Equal(last, report.AuditHead!.Seq);
        Assert.Equal("run.finished", await StoreSql.ScalarAsync<string>(_f.Store, "SELECT action FROM audit_log WHERE seq = " + last));
    }

    [Fact]
    public async Task BuildAsync_Last_ReportsTheMostRecentRunOfTheConnector()
    {
        await _f.SyncAsync(new ListConnector("a", [Some.Record("a1")]));
        var b = await _f.SyncAsync(new ListConnector("b", [Some.Record("b1"), Some.Record("b2")]));
        await _f.SyncAsync(new ListConnector("a", [Some.Record("a2")]), full: true);

        var lastOfB = await Queries.BuildAsync(new ReportRequest { ConnectorId = "b" }, CancellationToken.None);
        var lastOfAll = await Queries.BuildAsync(new ReportRequest(), CancellationToken.None);

        Assert.Equal(b.RunId, lastOfB!.RunId);
        Assert.True(lastOfB.Succeeded);
        Assert.Equal(2, lastOfB.Totals.Created);
        Assert.Equal("a", lastOfAll!.Connector);
        Assert.Equal(1, lastOfAll.Totals.Read);
    }

    [Fact]
    public async Task BuildAsync_UnknownRunOrEmptyStore_Null()
    {
        Assert.Null(await Queries.BuildAsync(new ReportRequest(), CancellationToken.None));
        Assert.Null(await Queries.BuildAsync(new ReportRequest { RunId = "nope" }, CancellationToken.None));
    }

    [Fact]
    public async Task BuildAsync_Period_SumsRunsPerConnectorAndReconciles()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _f.SyncAsync(MixedConnector("hr-csv"));
        await _f.SyncAsync(new ListConnector("oa", [Some.Record("o1"), Some.Record("o2"), Some.Record("o3")]));
        await _f.SyncAsync(new ListConnector("oa", [Some.Record("o1"), Some.Record("o2"), Some.Record("o3")]), full: true);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);

        var all = await Queries.BuildAsync(new ReportRequest { From = from, To = to }, CancellationToken.None);
        var oa = await Queries.BuildAsync(new ReportRequest { From = from, To = to, ConnectorId = "oa" }, CancellationToken.None);
        var before = await Queries.BuildAsync(new ReportRequest { From = from.AddDays(-2), To = from.AddDays(-1) }, CancellationToken.None);

        Assert.Equal(ReportScope.Period, all!.Scope);
        Assert.Equal(3, all.RunCount);
        Assert.Equal(new ReportCounts(11, 5, 0, 3, 1, 2, 0), all.Totals);
        Assert.True(all.Totals.Reconciles);
        Assert.False(all.Succeeded);
        Assert.Equal(["hr-csv", "oa"], all.Connectors.Select(c => c.Connector));
        Assert.Equal(new ConnectorSummary("oa", 2, 0, new ReportCounts(6, 3, 0, 3, 0, 0, 0)), all.Connectors[1]);
        Assert.Equal(1, all.Connectors[0].RunsWithProblems);
        Assert.Equal(2, all.QuarantineTotal);
        Assert.True(oa!.Succeeded);
        Assert.Equal(0, oa.QuarantineTotal);
        Assert.Equal(0, before!.RunCount);
        Assert.Equal(ReportCounts.Zero, before.Totals);
        Assert.Null(before.AuditHead);
    }

    [Fact]
    public async Task BuildAsync_MaxRows_CapsListsButTotalsCountAll()
    {
        var run = await _f.SyncAsync(MixedConnector("hr-csv"));

        var report = await Queries.BuildAsync(new ReportRequest { RunId = run.RunId, MaxRows = 1 }, CancellationToken.None);

        Assert.Single(report!.Quarantine);
        Assert.Equal(2, report.QuarantineTotal);
    }

    [Fact]
    public async Task BuildAsync_PeriodEndBeforeStart_Throws()
    {
        var now = DateTimeOffset.UtcNow;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Queries.BuildAsync(new ReportRequest { From = now, To = now.AddDays(-1) }, CancellationToken.None));

        Assert.Contains("is not before its end", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Two created, one duplicate (same content under another key), two quarantined.</summary>
    internal static ListConnector MixedConnector(string id)
    {
        var malformed = new SourceRecord(Some.Record("bad").Fields)
        {
            Problem = new RecordProblem(ReasonCodes.MalformedRow, "unclosed quote") { MessageZh = "引号未闭合" },
            RawText = "bad,\"row",
            Location = "hr_export.csv",
            LineNumber = 3,
        };
        var noDate = new SourceRecord(Some.Record("nodate", date: "").Fields) { Location = "hr_export.csv", LineNumber = 4 };
        return new ListConnector(id,
        [
            Some.Record("a", docNumber: "人〔2024〕1号"),
            Some.Record("b", docNumber: "人〔2024〕2号"),
            malformed,
            noDate,
            Some.Record("a-copy", docNumber: "人〔2024〕1号"),
        ]);
    }
}
