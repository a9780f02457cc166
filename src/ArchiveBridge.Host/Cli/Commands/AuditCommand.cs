using System.CommandLine;
using System.Globalization;
using ArchiveBridge.Core;
using ArchiveBridge.Host.Reports;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Audit;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary>
/// <c>audit verify|export|head</c>: the auditor's view of the hash-chained audit log (Archives Law art. 37: the
/// record of what was done to the archive must itself be provably unaltered).
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Verify, export or anchor the audit log's hash chain");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Head());
        return command;
    }

    private static Command Verify()
    {
        var anchor = new Option<string?>("--anchor") { Description = "SEQ:HASH from an earlier 'audit head', kept elsewhere: also finds entries cut off the end" };
        var command = new Command("verify", "Recompute the whole chain; exit 1 naming the first bad entry") { anchor };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var expected = ParseAnchor(parse.GetValue(anchor));
            var result = await new AuditVerifier(session.Get<ArchiveStore>()).VerifyAsync(expected, token).ConfigureAwait(false);
            var b = result.Break;
            if (session.Json)
            {
                Console.WriteLine(CliJson.Serialize(new
                {
                    intact = result.Intact,
                    result.EntriesChecked,
                    head = result.Head,
                    @break = b is null ? null : new { b.Seq, kind = b.Kind.ToString().ToLowerInvariant(), b.Message, b.MessageZh, b.Expected, b.Actual },
                }));
            }
            else if (b is null)
            {
                Console.WriteLine($"审计链完整 audit chain intact: {result.EntriesChecked} entries checked" +
                    (result.Head is { } h ? $", head seq {h.Seq} hash {h.Hash} at {h.At}" : " (empty log)"));
            }
            else
            {
                Console.WriteLine($"审计链已损坏 audit chain BROKEN at seq {b.Seq} ({b.Kind.ToString().ToLowerInvariant()})");
                Console.WriteLine($"  {b.MessageZh}");
                Console.WriteLine($"  {b.Message}");
                Console.WriteLine($"  {result.EntriesChecked} entries checked; last good: {(result.Head is { } h ? $"seq {h.Seq}" : "none")}");
            }
            return result.Intact ? ExitCodes.Ok : ExitCodes.Problems;
        }));
        return command;
    }

    private static Command Export()
    {
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, local time) or ISO 8601 time" };
        var to = new Option<string?>("--to") { Description = "Last day, included (yyyy-MM-dd), or ISO 8601 time, excluded" };
        var format = new Option<string>("--format") { Description = "jsonl (default, re-verifiable) or csv (Excel)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var command = new Command("export", "Export the audit log or a period of it") { from, to, format, output };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var zone = session.Get<TimeProvider>().LocalTimeZone;
            var (start, end) = PeriodArgument.ParsePeriod(parse.GetValue(from), parse.GetValue(to), zone);
            var kind = parse.GetValue(format) == "csv" ? AuditExportFormat.Csv : AuditExportFormat.Jsonl;
            var path = parse.GetValue(output);
            long count;
            await using (var stream = ReportOutput.Open(path))
                count = await new AuditExporter(session.Get<ArchiveStore>()).ExportAsync(stream, kind, start, end, token).ConfigureAwait(false);
            if (path is not null) await Console.Error.WriteLineAsync($"exported {count} audit entries to {Path.GetFullPath(path)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Head()
    {
        var command = new Command("head", "Print the last entry's seq and hash: an anchor to keep outside the archive");
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var head = await new AuditVerifier(session.Get<ArchiveStore>()).HeadAsync(null, token).ConfigureAwait(false);
            if (session.Json) Console.WriteLine(CliJson.Serialize(head));
            else if (head is null) Console.WriteLine("审计日志为空 the audit log is empty");
            else Console.WriteLine($"{head.Seq}:{head.Hash}  {head.At}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>SEQ:HASH</c> as <c>audit head</c> prints it.</summary>
    private static AuditHead? ParseAnchor(string? text)
    {
        if (text is null) return null;
        var parts = text.Trim().Split(':', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1
            || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit))
            throw new ArchiveBridgeException($"--anchor: '{text}' is not SEQ:HASH (a seq and a 64-digit hex SHA-256, as 'audit head' prints)");
        return new AuditHead(seq, parts[1].ToLowerInvariant(), "");
    }
}
