using System.CommandLine;
using ArchiveBridge.Host.Cli.Commands;

namespace ArchiveBridge.Host.Cli;

/// <summary>The <c>archivebridge</c> command line (DESIGN §10).</summary>
internal static class ArchiveBridgeCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ArchiveBridge: business systems (OA, ERP, HR) to the electronic archive (电子档案)");
        root.Options.Add(CommonOptions.Config);
        root.Options.Add(CommonOptions.Json);
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(QuarantineCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(PreviewCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        return root;
    }
}
