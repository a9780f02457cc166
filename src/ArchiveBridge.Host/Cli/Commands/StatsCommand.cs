using System.CommandLine;
using ArchiveBridge.Storage.Queries;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>stats [--json]</c>: records, versions, blobs, bytes, open quarantine entries, runs.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "Show what the archive holds");
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var s = await session.Get<ArchiveQueries>().StatisticsAsync(token).ConfigureAwait(false);
            if (session.Json) Console.WriteLine(CliJson.Serialize(s));
            else
            {
                Console.WriteLine($"records      {s.Records}");
                Console.WriteLine($"versions     {s.Versions}");
                Console.WriteLine($"duplicates   {s.Duplicates} (linked, not stored twice)");
                Console.WriteLine($"blobs        {s.Blobs} ({s.BlobBytes:N0} bytes; {s.BytesSavedByDedup:N0} bytes saved by dedup)");
                Console.WriteLine($"quarantined  {s.Quarantined} open");
                Console.WriteLine($"runs         {s.Runs}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
