namespace ArchiveBridge.Core.Checks;

/// <summary>Collects results for one record or attachment, applying the configured level of each check.</summary>
internal sealed class CheckRecorder(CheckOptions options)
{
    private readonly List<CheckResult> _results = [];

    public IReadOnlyList<CheckResult> Results => _results;

    /// <summary>False when the check is off: the caller then skips the work it needs.</summary>
    public bool IsOn(string checkId) => options.LevelOf(checkId) != CheckLevel.Off;

    public void Add(string checkId, bool passed, string? subject, string message, string messageZh)
    {
        var level = options.LevelOf(checkId);
        if (level == CheckLevel.Off)
            return;
        _results.Add(new CheckResult(checkId, CheckCatalog.Get(checkId).Property, level, passed, message, messageZh, subject));
    }
}
