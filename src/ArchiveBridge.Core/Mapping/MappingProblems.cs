using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// The problems a mapping reports for one record, each with the target, the value and a message in English
/// and Chinese. Built only on the failure path, so their cost does not matter.
/// </summary>
internal static class MappingProblems
{
    public static RecordProblem Required(string target, string source) =>
        new(ReasonCodes.MissingField, $"'{target}' is required but {source} is empty")
        {
            Field = target,
            MessageZh = $"必填字段 {target} 为空（来源：{source}）",
        };

    public static RecordProblem EmptyTemplatePart(string target, string part, string template) =>
        new(ReasonCodes.MissingField, $"'{target}' cannot be built: field '{part}' of template {template} is empty")
        {
            Field = target,
            MessageZh = $"无法生成 {target}：模板 {template} 中的字段“{part}”为空",
        };

    public static RecordProblem EmptyKey(string? source) =>
        new(ReasonCodes.MissingField, source is null ? "the record has no key: the source gave none and the mapping has no 'key'" : $"the record key is empty ({source})")
        {
            Field = "key",
            MessageZh = source is null ? "记录缺少标识：来源未提供，映射也未配置 key" : $"记录标识为空（{source}）",
        };

    public static RecordProblem BadDate(string target, string value, string formats) =>
        new(ReasonCodes.BadDate, $"'{value}' is not a date in the format {formats}")
        {
            Field = target,
            Value = value,
            MessageZh = $"“{value}”不是有效日期（格式：{formats}）",
        };

    public static RecordProblem NotIsoDate(string target, string value) =>
        new(ReasonCodes.BadDate, $"'{value}' is not an ISO date (yyyy-MM-dd); convert it with date(…) before year")
        {
            Field = target,
            Value = value,
            MessageZh = $"“{value}”不是 yyyy-MM-dd 格式的日期，请先用 date(…) 转换",
        };

    public static RecordProblem BadNumber(string target, string value) =>
        new(ReasonCodes.BadNumber, $"'{value}' is not a number")
        {
            Field = target,
            Value = value,
            MessageZh = $"“{value}”不是有效数字",
        };

    public static RecordProblem UnknownValue(string target, string value, string table, string allowed) =>
        new(ReasonCodes.UnknownValue, $"'{value}' is not in lookup table '{table}' (allowed: {allowed})")
        {
            Field = target,
            Value = value,
            MessageZh = $"“{value}”不在对照表 {table} 中（可选值：{allowed}）",
        };

    public static RecordProblem RegexTimeout(string target, string value, string pattern) =>
        new(ReasonCodes.BadFormat, $"regex '{pattern}' took too long on '{value}'")
        {
            Field = target,
            Value = value,
            MessageZh = $"正则表达式 {pattern} 处理“{value}”超时",
        };

    public static RecordProblem BadSha256(string target, string value) =>
        new(ReasonCodes.BadFormat, $"declared sha256 '{value}' is not 64 hexadecimal digits")
        {
            Field = target,
            Value = value,
            MessageZh = $"声明的 SHA-256 摘要“{value}”不是 64 位十六进制数",
        };

    public static RecordProblem BadSize(string target, string value) =>
        new(ReasonCodes.BadNumber, $"declared size '{value}' is not a whole number of bytes")
        {
            Field = target,
            Value = value,
            MessageZh = $"声明的文件大小“{value}”不是有效的字节数",
        };
}
