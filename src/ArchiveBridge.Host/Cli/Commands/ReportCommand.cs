using System.CommandLine;
using ArchiveBridge.Storage.Entities;
using ArchiveBridge.Storage.Queries;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>report [runId|--last] [--json]</c>: a run's summary with counts that reconcile.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runId = new Argument<string?>("runId") { Description = "Run id", Arity = ArgumentArity.ZeroOrOne };
        var last = new Option<bool>("--last") { Description = "The most recent finished run" };
        var connector = new Option<string?>("--connector") { Description = "Limit --last to one connector" };
        var command = new Command("report", "Report on a run") { runId, last, connector };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var queries = session.Get<ArchiveQueries>();
            var id = parse.GetValue(runId);
            RunEntity? run = id is not null
                ? await queries.RunAsync(id, token).ConfigureAwait(false)
                : await queries.LastRunAsync(parse.GetValue(connector), token).ConfigureAwait(false);
            if (run is null)
            {
                await Console.Error.WriteLineAsync(id is null ? "archivebridge: no finished run yet" : $"archivebridge: no run '{id}'").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            var json = RunJson.From(run);
            if (session.Json) Console.WriteLine(CliJson.Serialize(json));
            else
            {
                Console.WriteLine($"run {run.Id}  connector {run.ConnectorId}  trigger {run.Trigger}  status {run.Status}");
                Console.WriteLine($"started {run.StartedAt}  finished {run.FinishedAt}  ({json.DurationMs} ms)");
                Console.WriteLine($"read {run.Read} = created {run.Created} + versioned {run.Versioned} + unchanged {run.Unchanged} + " +
                    $"duplicates {run.Duplicates} + quarantined {run.Quarantined} + failed {run.Failed}  [{(json.Reconciles ? "reconciles" : "DOES NOT RECONCILE")}]");
                if (run.Error is not null) Console.WriteLine($"error: {run.Error}");
            }
            return run.Status == "succeeded" ? ExitCodes.Ok : ExitCodes.Problems;
        }));
        return command;
    }
}
