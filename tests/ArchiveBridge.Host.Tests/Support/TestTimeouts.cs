namespace ArchiveBridge.Host.Tests.Support;

/// <summary>
/// How long a test waits for work it started before calling it hung. Only a bound against hangs, never a speed
/// check: CI runs six test projects at once on two cores, where a sync that takes 1 s alone can take ten.
/// </summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);
}
