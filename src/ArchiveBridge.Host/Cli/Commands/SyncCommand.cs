using System.CommandLine;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Host.Composition;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>sync &lt;connector&gt;|--all [--full] [--json]</c>: run connectors once, now.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var connector = new Argument<string?>("connector") { Description = "Connector id", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Run every configured connector that pulls (not webhook-only ones, nor those with \"syncAll\": false)" };
        var full = new Option<bool>("--full") { Description = "Ignore the checkpoint and read everything again" };
        var command = new Command("sync", "Run connectors once now") { connector, all, full };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var id = parse.GetValue(connector);
            var runAll = parse.GetValue(all);
            if (runAll == (id is not null))
            {
                await Console.Error.WriteLineAsync("archivebridge: give a connector id or --all (not both)").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            var catalog = session.Get<ConnectorCatalog>();
            var runner = session.Get<SyncRunner>();
            var ids = runAll
                ? session.Config.Connectors.Where(c => c.SyncAll && !string.Equals(c.Type, "webhook", StringComparison.OrdinalIgnoreCase)).Select(c => c.Id).ToList()
                : [id!];
            // Build every runtime first: a bad mapping or setting stops the command before anything runs.
            var runtimes = ids.Select(catalog.Create).ToList();
            var exit = ExitCodes.Ok;
            foreach (var runtime in runtimes)
            {
                var progress = session.Json || Console.IsErrorRedirected ? null : new ConsoleProgress();
                var summary = await runner.RunAsync(runtime, new SyncRequest { Trigger = "cli", Full = parse.GetValue(full) }, progress, token).ConfigureAwait(false);
                progress?.Clear();
                if (session.Json) Console.WriteLine(CliJson.Serialize(SummaryJson.From(summary)));
                else PrintSummary(summary);
                if (summary.Status != RunStatus.Succeeded) exit = ExitCodes.Problems;
            }
            return exit;
        }));
        return command;
    }

    private static void PrintSummary(RunSummary s)
    {
        var c = s.Counts;
        Console.WriteLine($"{s.Connector}: {s.Status} — read {c.Read}, created {c.Created}, versioned {c.Versioned}, unchanged {c.Unchanged}, " +
            $"duplicates {c.Duplicates}, quarantined {c.Quarantined}, failed {c.Failed} in {s.DurationMs} ms (run {s.RunId})");
        if (s.Error is not null) Console.WriteLine($"  error: {s.Error}");
        if (c.Quarantined > 0) Console.WriteLine($"  see: archivebridge quarantine list --connector {s.Connector}");
    }
}
