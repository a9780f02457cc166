using System.CommandLine;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Storage;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary>
/// <c>preview &lt;connector&gt; [--limit N] [--json]</c>: read and map without writing anything; shows each
/// record with the 档号 it would get (provisional: numbers are only allocated when a run commits) and every
/// problem with its reason code.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var connector = new Argument<string>("connector") { Description = "Connector id" };
        var limit = new Option<int>("--limit") { Description = "Records to read", DefaultValueFactory = _ => 20 };
        var command = new Command("preview", "Read and map records without archiving them") { connector, limit };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var runtime = session.Get<ConnectorCatalog>().Create(parse.GetValue(connector)!);
            var options = session.Get<ArchiveBridgeOptions>();
            var preparer = new RecordPreparer(runtime, options.Archive, session.Get<TimeProvider>());
            var codes = session.Get<IArchivalCodeScheme>();
            var next = await NextItemNumbersAsync(session.Get<ArchiveStore>(), token).ConfigureAwait(false);
            var context = new ReadContext { RunId = "preview", Full = true, Limit = parse.GetValue(limit) };
            var problems = 0;
            var count = 0;
            await foreach (var source in runtime.Connector.ReadAsync(context, token).ConfigureAwait(false))
            {
                if (count++ >= parse.GetValue(limit)) break;
                var prepared = preparer.Prepare(source);
                string? code = null;
                if (prepared.Record is { } record)
                {
                    var partition = codes.PartitionKey(record);
                    next[partition] = next.GetValueOrDefault(partition) + 1;
                    record.ItemNo = next[partition];
                    code = codes.Format(record, record.ItemNo.Value);
                }
                else problems++;
                Print(session.Json, source, prepared, code);
            }
            if (!session.Json) Console.WriteLine($"{count} record(s) previewed, {problems} with problems; nothing was written (档号 are provisional)");
            return problems == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        }, initializeStore: false));
        return command;
    }

    private static void Print(bool json, SourceRecord source, PreparedRecord prepared, string? code)
    {
        var where = $"{source.Location}{(source.LineNumber is null ? "" : $":{source.LineNumber}")}";
        if (json)
        {
            Console.WriteLine(CliJson.Serialize(new
            {
                location = where,
                key = prepared.Key,
                archivalCode = code,
                provisional = code is not null,
                record = prepared.Record is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonSerializer.SerializeToElement(prepared.Record, RecordJson.Options),
                attachments = prepared.PendingAttachments.Select(a => a.Location),
                problem = prepared.Problem,
            }));
            return;
        }
        if (prepared.Problem is { } p)
        {
            Console.WriteLine($"✗ {where}  key {prepared.Key}  {p.Reason}{(p.Field is null ? "" : $" [{p.Field}]")}: {p.MessageZh ?? p.Message}");
            return;
        }
        var r = prepared.Record!;
        Console.WriteLine($"✓ {where}  {code} (provisional)  key {prepared.Key}");
        Console.WriteLine($"    {r.Title} | {r.DocNumber} | {r.Date} | {r.Retention} | {r.Security} | {r.Org}{(prepared.PendingAttachments.Count > 0 ? $" | {prepared.PendingAttachments.Count} file(s)" : "")}");
    }

    /// <summary>The last allocated 件号 per partition, read-only; an absent store means none allocated yet.</summary>
    private static async Task<Dictionary<string, int>> NextItemNumbersAsync(ArchiveStore store, CancellationToken ct)
    {
        // Opening SQLite creates the file: a store that does not exist yet has allocated nothing.
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (!File.Exists(file)) return [];
        try
        {
            await using var db = store.CreateContext();
            return await db.CodeSequences.AsNoTracking().ToDictionaryAsync(s => s.PartitionKey, s => s.LastItemNo, ct).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return [];
        }
    }
}
