using System.CommandLine;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Quarantine;
using ArchiveBridge.Storage.Entities;
using ArchiveBridge.Storage.Quarantine;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>quarantine list|show|retry|dismiss</c>: what could not be archived, and what to do about it.</summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var command = new Command("quarantine", "Records that could not be archived");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(Dismiss());
        return command;
    }

    private static Command List()
    {
        var connector = new Option<string?>("--connector") { Description = "Only this connector" };
        var reason = new Option<string?>("--reason") { Description = "Only this reason code (e.g. bad_date)" };
        var status = new Option<string>("--status") { Description = "open (default), resolved, dismissed or all", DefaultValueFactory = _ => "open" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries", DefaultValueFactory = _ => 1000 };
        var command = new Command("list", "List quarantine entries") { connector, reason, status, limit };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var s = parse.GetValue(status);
            var entries = await session.Get<QuarantineStore>().ListAsync(parse.GetValue(connector), parse.GetValue(reason),
                s == "all" ? null : s, parse.GetValue(limit), token).ConfigureAwait(false);
            if (session.Json) Console.WriteLine(CliJson.Serialize(entries.Select(Summary)));
            else
            {
                foreach (var e in entries)
                    Console.WriteLine($"{e.Id}  {e.ConnectorId}  {e.Location}{(e.LineNumber is null ? "" : $":{e.LineNumber}")}  {e.Reason}  {e.MessageZh ?? e.Message}");
                Console.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Quarantine entry id" };
        var command = new Command("show", "Show one entry with its raw payload") { id };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var e = await session.Get<QuarantineStore>().GetAsync(parse.GetValue(id)!, token).ConfigureAwait(false);
            if (e is null)
            {
                await Console.Error.WriteLineAsync($"archivebridge: no quarantine entry '{parse.GetValue(id)}'").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            if (session.Json) Console.WriteLine(CliJson.Serialize(e, indented: true));
            else
            {
                Console.WriteLine($"entry      {e.Id} ({e.Status}, {e.Attempts} attempt(s))");
                Console.WriteLine($"connector  {e.ConnectorId}   run {e.RunId} (last {e.LastRunId})");
                Console.WriteLine($"source     {e.Location}{(e.LineNumber is null ? "" : $" line {e.LineNumber}")}  key {e.SourceKey}");
                Console.WriteLine($"reason     {e.Reason}{(e.Field is null ? "" : $"  field {e.Field}")}{(e.Value is null ? "" : $"  value “{e.Value}”")}");
                Console.WriteLine($"原因       {e.MessageZh}");
                Console.WriteLine($"message    {e.Message}");
                if (e.DismissReason is not null) Console.WriteLine($"dismissed  {e.DismissReason}");
                if (e.ResolvedRecordId is not null) Console.WriteLine($"archived   as record {e.ResolvedRecordId}");
                Console.WriteLine($"payload    {e.RawPayload}");
                if (e.RawText is not null) Console.WriteLine($"raw text   {e.RawText}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Retry()
    {
        var id = new Argument<string?>("id") { Description = "Quarantine entry id", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Retry every open entry" };
        var connector = new Option<string?>("--connector") { Description = "With --all: only this connector" };
        var command = new Command("retry", "Map entries again with the current mapping; archive what now passes") { id, all, connector };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var store = session.Get<QuarantineStore>();
            var one = parse.GetValue(id);
            if ((one is null) != parse.GetValue(all))
            {
                await Console.Error.WriteLineAsync("archivebridge: give an entry id or --all").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            List<QuarantineEntity> entries;
            if (one is not null)
            {
                var e = await store.GetAsync(one, token).ConfigureAwait(false);
                if (e is null || e.Status != QuarantineStore.Open)
                {
                    await Console.Error.WriteLineAsync($"archivebridge: no open quarantine entry '{one}'").ConfigureAwait(false);
                    return ExitCodes.CannotRun;
                }
                entries = [e];
            }
            else entries = [.. await store.ListAsync(parse.GetValue(connector), null, QuarantineStore.Open, int.MaxValue, token).ConfigureAwait(false)];

            var catalog = session.Get<ConnectorCatalog>();
            var runner = session.Get<SyncRunner>();
            var exit = ExitCodes.Ok;
            foreach (var group in entries.GroupBy(e => e.ConnectorId))
            {
                var runtime = catalog.Create(group.Key);
                var replay = new QuarantineReplaySource(runtime.Connector, [.. group], store);
                // MappingHash null: retried records never take the change-token shortcut.
                var summary = await runner.RunAsync(runtime with { Connector = replay, MappingHash = null }, new SyncRequest { Trigger = "retry" }, null, token).ConfigureAwait(false);
                if (session.Json) Console.WriteLine(CliJson.Serialize(SummaryJson.From(summary)));
                else Console.WriteLine($"{group.Key}: retried {summary.Counts.Read}: archived {replay.Resolved.Count}, still quarantined {summary.Counts.Quarantined} (run {summary.RunId})");
                if (summary.Status != RunStatus.Succeeded) exit = ExitCodes.Problems;
            }
            return exit;
        }));
        return command;
    }

    private static Command Dismiss()
    {
        var id = new Argument<string>("id") { Description = "Quarantine entry id" };
        var reason = new Option<string>("--reason") { Description = "Why the entry needs no archiving (kept in the audit log)", Required = true };
        var command = new Command("dismiss", "Close an entry without archiving it") { id, reason };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var ok = await session.Get<QuarantineStore>().DismissAsync(parse.GetValue(id)!, parse.GetValue(reason)!, "cli", token).ConfigureAwait(false);
            if (!ok)
            {
                await Console.Error.WriteLineAsync($"archivebridge: no open quarantine entry '{parse.GetValue(id)}'").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            Console.WriteLine(session.Json ? CliJson.Serialize(new { id = parse.GetValue(id), status = "dismissed" }) : $"dismissed {parse.GetValue(id)}");
            return 0;
        }));
        return command;
    }

    private static object Summary(QuarantineEntity e) => new
    {
        e.Id, connector = e.ConnectorId, e.Location, line = e.LineNumber, key = e.SourceKey, e.Reason, e.Field, e.Value,
        e.Message, messageZh = e.MessageZh, e.Status, e.Attempts, e.CreatedAt, e.UpdatedAt,
    };
}
