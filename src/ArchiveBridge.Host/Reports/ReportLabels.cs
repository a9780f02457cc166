using System.Globalization;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Reports;

/// <summary>
/// The labels every rendering shares, Chinese first for the archivists who sign the report, English after for
/// IT: one place, so the text, CSV and HTML forms of a report say the same thing.
/// </summary>
internal static class ReportLabels
{
    public const string Title = "同步报告 Sync report";
    public const string Run = "运行 Run";
    public const string Period = "期间 Period";
    public const string Connector = "连接器 Connector";
    public const string Status = "状态 Status";
    public const string Trigger = "触发 Trigger";
    public const string Started = "开始 Started";
    public const string Finished = "结束 Finished";
    public const string From = "自 From";
    public const string To = "至（不含）To (exclusive)";
    public const string RunList = "运行列表 Runs";
    public const string RunId = "运行编号 Run id";
    public const string Generated = "生成时间 Generated";
    public const string Error = "错误 Error";
    public const string Counts = "数量 Counts";
    public const string Reconciles = "平衡 Reconciles";
    public const string Runs = "运行次数 Runs";
    public const string RunsWithProblems = "有问题的运行 Runs with problems";
    public const string Connectors = "各连接器 Per connector";
    public const string Quarantine = "隔离记录 Quarantined records";
    public const string Location = "位置 Location";
    public const string Key = "来源标识 Key";
    public const string Reason = "原因 Reason";
    public const string Field = "字段 Field";
    public const string Value = "值 Value";
    public const string MessageZh = "说明（中文）";
    public const string Message = "Message (English)";
    public const string Checks = "四性检查 Checks";
    public const string CheckFindings = "检查未通过与警告 Check failures and warnings";
    public const string ArchivalCode = "档号 Archival code";
    public const string Record = "记录 Record";
    public const string Version = "版本 Version";
    public const string Check = "检查项 Check";
    public const string Property = "属性 Property";
    public const string Level = "级别 Level";
    public const string Subject = "对象 Subject";
    public const string AuditHead = "审计链头 Audit head";
    public const string Seq = "序号 Seq";
    public const string Hash = "哈希 Hash";
    public const string At = "时间 At";
    public const string None = "无 none";

    /// <summary>The outcome counts in reconciliation order: read first, then each outcome.</summary>
    public static IReadOnlyList<(string Label, Func<ReportCounts, long> Value)> CountColumns { get; } =
    [
        ("读取 Read", c => c.Read),
        ("新建 Created", c => c.Created),
        ("新版本 Versioned", c => c.Versioned),
        ("未变更 Unchanged", c => c.Unchanged),
        ("重复 Duplicates", c => c.Duplicates),
        ("隔离 Quarantined", c => c.Quarantined),
        ("失败 Failed", c => c.Failed),
    ];

    public static IReadOnlyList<(string Label, Func<CheckTally, long> Value)> TallyColumns { get; } =
    [
        ("有检查结果的记录 Records with results", t => t.RecordsWithResults),
        ("通过 Passed", t => t.Passed),
        ("警告 Warnings", t => t.Warnings),
        ("未通过 Failures", t => t.Failures),
    ];

    public static string YesNo(bool value) => value ? "是 yes" : "否 NO";

    /// <summary>A run's start and end, or a period's bounds (the end excluded).</summary>
    public static (string Start, string End) BoundLabels(SyncReport r) => r.Scope == ReportScope.Run ? (Started, Finished) : (From, To);

    public static string ScopeTitle(SyncReport r) => r.Scope == ReportScope.Run ? $"{Run} {r.RunId}" : $"{Period} {r.From} → {r.To}";

    public static string StatusText(string status) => status switch
    {
        "succeeded" => "成功 succeeded",
        "completed_with_problems" => "完成但有问题 completed with problems",
        "failed" => "失败 failed",
        "running" => "运行中 running",
        "open" => "待处理 open",
        "resolved" => "已解决 resolved",
        "dismissed" => "已忽略 dismissed",
        _ => status,
    };

    /// <summary>真实性 authenticity … from a stored property name.</summary>
    public static string PropertyText(string property) =>
        Enum.TryParse<CheckProperty>(property, ignoreCase: true, out var p) ? $"{p.ToChinese()} {property}" : property;

    public static string LevelText(string level) => level switch
    {
        "warn" => "警告 warn",
        "block" => "阻断 block",
        _ => level,
    };

    /// <summary><c>file:line</c>, the way editors and the quarantine list name a source row.</summary>
    public static string LocationText(QuarantineRow q) =>
        q.Line is { } line ? $"{q.Location}:{line.ToString(CultureInfo.InvariantCulture)}" : q.Location ?? "";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
