using System.CommandLine;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Cli;

/// <summary>
/// Runs a verb's body with the config loaded and the services built, turning "could not run" errors into
/// one clear line on stderr and exit code 2.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken,
        Func<CliSession, CancellationToken, Task<int>> body, bool initializeStore = true)
    {
        try
        {
            var config = ConfigLoader.Load(parse.GetValue(CommonOptions.Config));
            await using var services = HostServices.BuildForCli(config);
            if (initializeStore) await services.GetRequiredService<IArchiveStore>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            return await body(new CliSession(config, services, parse.GetValue(CommonOptions.Json)), cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"archivebridge: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
        catch (RunLeaseException ex)
        {
            await Console.Error.WriteLineAsync($"archivebridge: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"archivebridge: store unavailable: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
        catch (ArchiveBridgeException ex)
        {
            await Console.Error.WriteLineAsync($"archivebridge: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
    }
}

/// <summary>What a verb's body gets: the config, the services, and whether to print JSON.</summary>
internal sealed record CliSession(LoadedConfig Config, IServiceProvider Services, bool Json)
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
