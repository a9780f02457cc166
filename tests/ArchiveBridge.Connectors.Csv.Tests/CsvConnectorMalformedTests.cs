using System.Text;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class CsvConnectorMalformedTests
{
    [Fact]
    public async Task ReadAsync_StrayQuoteInsideField_YieldsTheRowWithProblemAndGoesOn()
    {
        using var csv = new CsvTestFile("编号,题名\r\nA1,正常\r\nA2,关于\"张三任职的通知\r\nA3,正常\r\n", Encodings.Gb18030);

        var records = await csv.ReadAsync();

        Assert.Equal(["A1", "A2", "A3"], records.Select(r => r.Value("编号")));
        var problem = Assert.IsType<RecordProblem>(records[1].Problem);
        Assert.Equal(ReasonCodes.MalformedRow, problem.Reason);
        Assert.Equal("export.csv line 3: a quote inside an unquoted field (unbalanced quoting); the row is quarantined as read", problem.Message);
        Assert.Equal("export.csv 第 3 行：未加引号的字段中出现了引号（引号不成对），该行按原样隔离", problem.MessageZh);
        Assert.Equal("A2,关于\"张三任职的通知", records[1].RawText);
        Assert.Equal(3, records[1].LineNumber);
        Assert.Null(records[0].Problem);
        Assert.Null(records[2].Problem);
    }

    [Theory]
    [InlineData("A2,只有两个", 2)]
    [InlineData("A2,多,了,字段", 4)]
    public async Task ReadAsync_WrongFieldCount_YieldsTheRowWithProblem(string row, int fields)
    {
        using var csv = new CsvTestFile($"编号,题名,页数\r\nA1,正常,1\r\n{row}\r\nA3,正常,3\r\n");

        var records = await csv.ReadAsync();

        Assert.Equal(3, records.Count);
        Assert.Equal($"export.csv line 3 has {fields} fields but the header has 3", records[1].Problem?.Message);
        Assert.Equal($"export.csv 第 3 行有 {fields} 个字段，表头有 3 个", records[1].Problem?.MessageZh);
        Assert.Equal(row, records[1].RawText);
        Assert.Equal("A2", records[1].Value("编号"));
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuoteAtFieldStart_QuarantinesOnlyThatLine()
    {
        using var csv = new CsvTestFile("编号,题名,页数\r\nA1,正常,1\r\nA2,\"没有闭合,2\r\nA3,正常,3\r\nA4,正常,4\r\n");

        var records = await csv.ReadAsync();

        Assert.Equal(["A1", "A2", "A3", "A4"], records.Select(r => r.Value("编号")));
        Assert.Equal([2L, 3L, 4L, 5L], records.Select(r => r.LineNumber));
        Assert.Equal(
            "export.csv line 3: a quoted field is never closed, which joined the lines after it into this row; only line 3 is quarantined and reading goes on with line 4",
            records[1].Problem?.Message);
        Assert.Equal("A2,\"没有闭合,2", records[1].RawText);
        Assert.All(records.Where(r => r != records[1]), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_StrayOpeningQuoteClosedByALaterRow_QuarantinesOnlyThatLine()
    {
        using var csv = new CsvTestFile("编号,题名,页数\r\nA1,\"坏,1\r\nA2,正常,2\r\nA3,\"含,逗号\",3\r\nA4,正常,4\r\n");

        var records = await csv.ReadAsync();

        Assert.Equal(["A1", "A2", "A3", "A4"], records.Select(r => r.Value("编号")));
        Assert.NotNull(records[0].Problem);
        Assert.Equal("A1,\"坏,1", records[0].RawText);
        Assert.Equal("含,逗号", records[2].Value("题名"));
        Assert.All(records.Skip(1), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuoteWithoutLineBreaksInQuotes_ReportsTheLineAndGoesOn()
    {
        using var csv = new CsvTestFile("编号,题名\r\nA1,\"没有闭合\r\nA2,正常\r\n", configure: o => o.AllowLineBreaksInQuotes = false);

        var records = await csv.ReadAsync();

        Assert.Equal(["A1", "A2"], records.Select(r => r.Value("编号")));
        Assert.Equal("export.csv line 2: a quoted field runs past the end of the line (allowLineBreaksInQuotes is false); the row is quarantined as read", records[0].Problem?.Message);
        Assert.Null(records[1].Problem);
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuoteBeforeMoreThanMaxRecordBytes_QuarantinesTheLineAndReadsEveryRowAfterIt()
    {
        // No quote follows the broken one, so CsvHelper would buffer the rest of the file as one field: it stops at
        // the record size limit instead, and the reader starts again on the next line.
        const int rows = 90_000; // about 18 MiB
        var filler = new string('x', 200);
        using var csv = new CsvTestFile([]);
        using (var writer = new StreamWriter(csv.FullPath, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("编号,题名\nA0,\"没有闭合的引号\n");
            for (var i = 1; i <= rows; i++) writer.Write($"A{i},{filler}\n");
        }

        var records = await csv.ReadAsync();

        Assert.Equal(rows + 1, records.Count);
        Assert.Equal($"export.csv line 2 starts a record longer than 16 MiB, most likely an unclosed quote; only line 2 is quarantined and reading goes on with line 3", records[0].Problem?.Message);
        Assert.Equal("A0,\"没有闭合的引号", records[0].RawText);
        Assert.Equal("A1", records[1].Value("编号"));
        Assert.Equal(3, records[1].LineNumber);
        Assert.Equal($"A{rows}", records[^1].Value("编号"));
        Assert.All(records.Skip(1), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_ManyMalformedRows_NeverStopsTheRun()
    {
        var text = new StringBuilder("a,b,c\r\n");
        for (var i = 0; i < 300; i++) text.Append(i % 3 == 0 ? $"{i},\"x\"y,z\r\n" : i % 3 == 1 ? $"{i},only\r\n" : $"{i},ok,ok\r\n");
        using var csv = new CsvTestFile(text.ToString());

        var records = await csv.ReadAsync();

        Assert.Equal(300, records.Count);
        Assert.Equal(200, records.Count(r => r.Problem is not null));
        Assert.Equal(Enumerable.Range(2, 300).Select(i => (long?)i), records.Select(r => r.LineNumber));
    }
}
