namespace ArchiveBridge.Core.Checks;

/// <summary>Collects results for one record or attachment, applying the configured level of each check.</summary>
internal sealed class CheckRecorder(CheckOptions options, List<CheckResult>? into = null)
{
    // Into the caller's list when it keeps the results anyway (the pipeline's record): no second list per record.
    private readonly List<CheckResult> _results = into ?? new(4);

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

    /// <summary>Adds a result made earlier (results are immutable: a pass that says the same every time is shared).</summary>
    public void Add(CheckResult result) => _results.Add(result);

    /// <summary>The result of a passed check whose message never varies, or null when the check is off.</summary>
    public static CheckResult? ConstantPass(CheckOptions options, string checkId, string? subject, string message, string messageZh)
    {
        var level = options.LevelOf(checkId);
        return level == CheckLevel.Off ? null : new CheckResult(checkId, CheckCatalog.Get(checkId).Property, level, true, message, messageZh, subject);
    }
}
