using System.CommandLine;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Storage.Queries;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>show &lt;archivalCode|id&gt; [--versions] [--json]</c>: one record, its files, source and history.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("record") { Description = "档号 (archival code) or record id" };
        var versions = new Option<bool>("--versions") { Description = "List every version with what changed, and duplicate links" };
        var command = new Command("show", "Show one archived record") { key, versions };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var details = await session.Get<RecordQueries>().FindAsync(parse.GetValue(key)!, token).ConfigureAwait(false);
            if (details is null)
            {
                await Console.Error.WriteLineAsync($"archivebridge: no record with id or 档号 '{parse.GetValue(key)}'").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }
            if (session.Json)
            {
                Console.WriteLine(CliJson.Serialize(parse.GetValue(versions) ? details : details with { Versions = [], Duplicates = [] }, indented: true));
                return 0;
            }
            Print(details, parse.GetValue(versions));
            return 0;
        }));
        return command;
    }

    private static void Print(RecordDetails d, bool versions)
    {
        var r = d.Record;
        Console.WriteLine($"档号 archivalCode   {d.ArchivalCode ?? (d.DuplicateOf is null ? "-" : $"(duplicate of {d.DuplicateOf})")}");
        Console.WriteLine($"内部标识 id         {d.Id}   version {d.Version}");
        Console.WriteLine($"题名 title          {r.Title}");
        Console.WriteLine($"文号 docNumber      {r.DocNumber}");
        Console.WriteLine($"日期 date           {r.Date}   年度 {r.Year}");
        Console.WriteLine($"全宗 fonds          {r.Fonds} {r.FondsUnit}");
        Console.WriteLine($"门类 category       {r.Category}   保管期限 {r.Retention}   机构 {r.Org}   件号 {r.ItemNo}");
        Console.WriteLine($"责任者 responsible  {r.Responsible}   密级 {r.Security}   页数 {r.Pages}   文种 {r.DocType}");
        if (r.Keywords.Count > 0) Console.WriteLine($"主题词 keywords     {string.Join("；", r.Keywords)}");
        foreach (var (k, v) in r.Extra) Console.WriteLine($"extra.{k,-14} {v}");
        Console.WriteLine($"来源 source         {r.Source.System} / {d.Connector} / {d.SourceKey}{(r.Source.Location is null ? "" : $" ({r.Source.Location}{(r.Source.LineNumber is null ? "" : $":{r.Source.LineNumber}")})")}");
        Console.WriteLine($"数字摘要 fingerprint {d.Fingerprint}");
        foreach (var a in r.Attachments) Console.WriteLine($"计算机文件 file      {a.Name}  {a.Size:N0} bytes  {a.MediaType}  sha256 {a.Sha256}");
        if (!versions) return;
        Console.WriteLine("versions:");
        foreach (var v in d.Versions)
            Console.WriteLine($"  v{v.Version}{(v.Current ? " (current)" : "")}  {v.ArchivedAt}  run {v.RunId}  {v.Fingerprint[..16]}…  changed: {(v.ChangedFields.Count == 0 ? "-" : string.Join(", ", v.ChangedFields))}");
        if (d.Duplicates.Count > 0)
        {
            Console.WriteLine("duplicates (same content under another identity):");
            foreach (var dup in d.Duplicates) Console.WriteLine($"  {dup.Id}  {dup.Connector}/{dup.SourceKey}  since {dup.CreatedAt}");
        }
    }
}
