using System.CommandLine;
using ArchiveBridge.Host.Reports;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary>
/// <c>report [runId|--last] | --from DATE --to DATE [--connector ID] [--format text|json|csv|html] [--out FILE]</c>:
/// a run's or a period's counts that reconcile, per-connector summary, quarantined rows with reasons, check failures
/// and warnings, and the audit head at the end. Exit 0 when the run (every run of the period) succeeded, else 1.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runId = new Argument<string?>("runId") { Description = "Run id", Arity = ArgumentArity.ZeroOrOne };
        var last = new Option<bool>("--last") { Description = "The most recent finished run (the default)" };
        var connector = new Option<string?>("--connector") { Description = "Only this connector (with --last or a period)" };
        var from = new Option<string?>("--from") { Description = "Period start: a day (yyyy-MM-dd, local time) or ISO 8601 time" };
        var to = new Option<string?>("--to") { Description = "Period end: a day, included (yyyy-MM-dd), or ISO 8601 time, excluded" };
        var format = new Option<string?>("--format") { Description = "text (default), json, csv (Excel, UTF-8 with BOM) or html (printable page)" };
        format.AcceptOnlyFromAmong("text", "json", "csv", "html");
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var maxRows = new Option<int>("--max-rows") { Description = "At most this many rows per list; totals count all", DefaultValueFactory = _ => 1000 };
        var command = new Command("report", "Report on a run or a period") { runId, last, connector, from, to, format, output, maxRows };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var id = parse.GetValue(runId);
            var (start, end) = PeriodArgument.ParsePeriod(parse.GetValue(from), parse.GetValue(to), session.Get<TimeProvider>().LocalTimeZone);
            var isPeriod = start is not null || end is not null;
            if ((id is not null && (parse.GetValue(last) || isPeriod)) || (parse.GetValue(last) && isPeriod))
            {
                await Console.Error.WriteLineAsync("archivebridge: give a run id, --last, or a period (--from/--to), not several").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            var request = new ReportRequest { RunId = id, From = start, To = end, ConnectorId = parse.GetValue(connector), MaxRows = Math.Max(0, parse.GetValue(maxRows)) };
            var report = await new ReportQueries(session.Get<ArchiveStore>(), session.Get<TimeProvider>()).BuildAsync(request, token).ConfigureAwait(false);
            if (report is null)
            {
                await Console.Error.WriteLineAsync(id is null ? "archivebridge: no finished run yet" : $"archivebridge: no run '{id}'").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }

            var kind = FormatOf(parse.GetValue(format), session.Json);
            var path = parse.GetValue(output);
            await using (var stream = ReportOutput.Open(path))
                await ReportRenderer.RenderAsync(report, kind, stream, token, indented: path is not null).ConfigureAwait(false);
            if (path is not null) await Console.Error.WriteLineAsync($"wrote {Path.GetFullPath(path)}").ConfigureAwait(false);
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.Problems;
        }));
        return command;
    }

    /// <summary><c>--format</c> wins; <c>--json</c> alone means JSON, as for every other verb.</summary>
    private static ReportFormat FormatOf(string? format, bool json) => format switch
    {
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "html" => ReportFormat.Html,
        "text" => ReportFormat.Text,
        _ => json ? ReportFormat.Json : ReportFormat.Text,
    };
}
