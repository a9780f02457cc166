using ArchiveBridge.Core.Quarantine;
using CsvHelper;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>The <c>malformed_row</c> problems of a CSV row, in English for logs and Chinese for admins, naming file and line.</summary>
internal static class RowProblems
{
    public static RecordProblem Quoting(string location, long line, CsvMalformedReason reason, bool swallowedLines)
    {
        var (en, zh) = reason switch
        {
            CsvMalformedReason.StrayQuote => ("a quote inside an unquoted field (unbalanced quoting)", "未加引号的字段中出现了引号（引号不成对）"),
            CsvMalformedReason.TextAfterClosingQuote => ("text after the closing quote of a quoted field", "引号字段的闭合引号之后还有文字"),
            CsvMalformedReason.UnterminatedQuote => ("a quoted field is never closed", "引号字段没有闭合"),
            CsvMalformedReason.LineBreakInQuotes => ("a quoted field runs past the end of the line (allowLineBreaksInQuotes is false)", "引号字段跨行（allowLineBreaksInQuotes 为 false）"),
            _ => ("broken quoting", "引号格式错误"),
        };
        return swallowedLines
            ? Problem(
                $"{location} line {line}: {en}, which joined the lines after it into this row; only line {line} is quarantined and reading goes on with line {line + 1}",
                $"{location} 第 {line} 行：{zh}，把后面的行并进了本行；仅隔离第 {line} 行，从第 {line + 1} 行继续读取")
            : Problem($"{location} line {line}: {en}; the row is quarantined as read", $"{location} 第 {line} 行：{zh}，该行按原样隔离");
    }

    public static RecordProblem FieldCount(string location, long line, int actual, int expected, bool hasHeader)
    {
        var (en, zh) = hasHeader ? ("the header has", "表头有") : ("the first row has", "首行有");
        return Problem(
            $"{location} line {line} has {actual} fields but {en} {expected}",
            $"{location} 第 {line} 行有 {actual} 个字段，{zh} {expected} 个");
    }

    public static RecordProblem Encoding(string location, long line, string encoding) => Problem(
        $"{location} line {line} holds bytes that are not valid {encoding}; check the connector's encoding setting",
        $"{location} 第 {line} 行含有不是有效 {encoding} 编码的字节，请检查连接器的 encoding 设置");

    public static RecordProblem TooLong(string location, long line) => Problem(
        $"{location} line {line} starts a record longer than {CsvConnectorConstants.MaxRecordBytes / (1024 * 1024)} MiB, most likely an unclosed quote; only line {line} is quarantined and reading goes on with line {line + 1}",
        $"{location} 第 {line} 行开始的记录超过 {CsvConnectorConstants.MaxRecordBytes / (1024 * 1024)} MiB，多半是引号没有闭合；仅隔离第 {line} 行，从第 {line + 1} 行继续读取");

    private static RecordProblem Problem(string message, string messageZh) =>
        new(ReasonCodes.MalformedRow, message) { MessageZh = messageZh };
}
