using System.CommandLine;
using System.Text.Json;
using ArchiveBridge.Host.Verification;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary>
/// <c>verify [--connector ID] [--json]</c>: re-reads every stored file and re-runs the 四性 checks on the stored
/// records (fixity: bit rot, tampering, missing files, broken 档号), then checks the archive as a whole (件号 gaps,
/// duplicate 档号, 文号 + 题名 under two identities, run counts). Exit 1 when anything fails. Problems are
/// printed as they are found, so a long pass over a large archive shows progress and holds little memory.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var connector = new Option<string?>("--connector") { Description = "Only this connector's records" };
        var pageSize = new Option<int>("--page-size") { Description = "Records read per page (memory bound)", DefaultValueFactory = _ => 200 };
        var command = new Command("verify", "Verify stored files and records: SHA-256, size, archival code, metadata, formats, item-number gaps, run counts") { connector, pageSize };
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, ct, async (session, token) =>
        {
            var verifier = FixityVerifierFactory.Create(session.Services, session.Config.Configuration, session.Config.Options.Archive, session.Config.Path);
            var request = new FixityRequest { ConnectorId = parse.GetValue(connector), PageSize = Math.Max(1, parse.GetValue(pageSize)) };
            var summary = session.Json
                ? await VerifyAsJsonAsync(verifier, request, token).ConfigureAwait(false)
                : await VerifyAsTextAsync(verifier, request, token).ConfigureAwait(false);
            return summary.Ok ? ExitCodes.Ok : ExitCodes.Problems;
        }));
        return command;
    }

    private static async Task<FixitySummary> VerifyAsTextAsync(FixityVerifier verifier, FixityRequest request, CancellationToken ct)
    {
        var summary = await verifier.VerifyAsync(request, (p, _) =>
        {
            Console.WriteLine(p.ToString());
            return ValueTask.CompletedTask;
        }, ct).ConfigureAwait(false);
        Console.WriteLine($"{(summary.Ok ? "校验通过 verified" : "校验未通过 VERIFICATION FAILED")}: {summary.Records} records, {summary.Attachments} attachment references, " +
            $"{summary.BlobsRead} files read ({summary.BytesRead:N0} bytes), {summary.Partitions} 件号 partitions, {summary.Runs} runs; " +
            $"{summary.Failures} failures, {summary.Warnings} warnings");
        return summary;
    }

    /// <summary>One JSON object, streamed: <c>{"problems":[…],"summary":{…},"ok":…}</c>.</summary>
    private static async Task<FixitySummary> VerifyAsJsonAsync(FixityVerifier verifier, FixityRequest request, CancellationToken ct)
    {
        await using var stdout = Console.OpenStandardOutput();
        await using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = CliJson.Compact.Encoder });
        json.WriteStartObject();
        json.WriteStartArray("problems");
        var summary = await verifier.VerifyAsync(request, async (p, token) =>
        {
            JsonSerializer.Serialize(json, p, CliJson.Compact);
            if (json.BytesPending > 32 * 1024) await json.FlushAsync(token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        json.WriteEndArray();
        json.WritePropertyName("summary");
        JsonSerializer.Serialize(json, summary, CliJson.Compact);
        json.WriteBoolean("ok", summary.Ok);
        json.WriteEndObject();
        await json.FlushAsync(ct).ConfigureAwait(false);
        await stdout.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        return summary;
    }
}
