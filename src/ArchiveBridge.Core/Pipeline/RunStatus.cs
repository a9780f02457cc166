namespace ArchiveBridge.Core.Pipeline;

/// <summary>How a run ended; the strings are what reports and <c>--json</c> print.</summary>
public static class RunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string CompletedWithProblems = "completed_with_problems";
    public const string Failed = "failed";
}
