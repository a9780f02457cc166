using System.CommandLine;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Host.Checking;
using ArchiveBridge.Host.Composition;
using ArchiveBridge.Host.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Cli.Commands;

/// <summary><c>check [--json]</c>: lint the config and its mappings; exit 2 when anything is wrong.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Validate the config and every mapping it references");
        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(CommonOptions.Config);
            IReadOnlyList<ConfigProblem> problems;
            string? resolved = null;
            try
            {
                resolved = ConfigLoader.ResolvePath(configPath);
                problems = new ConfigChecker(ConnectorFactories()).Check(resolved);
            }
            catch (Core.ConfigurationException ex)
            {
                problems = [new ConfigProblem(ex.File ?? configPath ?? ConfigLoader.DefaultFileName, 0, ex.Field ?? "", ex.Message)];
            }
            if (parse.GetValue(CommonOptions.Json))
                Console.WriteLine(CliJson.Serialize(new { config = resolved, ok = problems.Count == 0, problems }));
            else if (problems.Count == 0) Console.WriteLine($"ok: {resolved} and its mappings are valid");
            else foreach (var p in problems) Console.WriteLine(p);
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.CannotRun;
        });
        return command;
    }

    /// <summary>The connector factories the host knows, without loading the config through them.</summary>
    private static IEnumerable<ISourceConnectorFactory> ConnectorFactories()
    {
        var services = new ServiceCollection();
        HostServices.AddConnectors(services);
        return services.BuildServiceProvider().GetServices<ISourceConnectorFactory>();
    }
}
