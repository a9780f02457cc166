namespace ArchiveBridge.Host.Cli;

/// <summary>Exit codes scripts rely on (DESIGN §10).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Finished, but with quarantined or failed records (or a failed check/verification).</summary>
    public const int Problems = 1;

    /// <summary>Could not run: bad config, missing mapping, unreachable store.</summary>
    public const int CannotRun = 2;
}
