using System.CommandLine;
using ArchiveBridge.Core;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary>
/// <c>serve [--urls URL]</c>: the hosted worker until Ctrl-C or SIGTERM; the run in flight then commits its batch
/// before the process exits. Exit 2 when it cannot start (bad config, store unreachable, address in use).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Listen on these URLs instead of server.urls (e.g. http://0.0.0.0:5080)" };
        var command = new Command("serve", "Run schedules, webhooks and the admin API until stopped") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            WebApplication app;
            try
            {
                var config = ConfigLoader.Load(parse.GetValue(CommonOptions.Config));
                if (parse.GetValue(urls) is { Length: > 0 } overrideUrls) config.Options.Server.Urls = overrideUrls;
                app = ServeApp.Build(config);
            }
            catch (ArchiveBridgeException ex)
            {
                await Console.Error.WriteLineAsync($"archivebridge: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }

            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ArchiveBridgeException or SqliteException or IOException or OptionsValidationException)
                {
                    await Console.Error.WriteLineAsync($"archivebridge: serve could not start: {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.CannotRun;
                }
                Console.WriteLine($"archivebridge serve listening on {string.Join(", ", ServeApp.Addresses(app))} (Ctrl-C to stop)");
                // Ctrl-C / SIGTERM: stop taking requests, let runs commit their batch, commit queued webhooks.
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
