using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class CsvConnectorReadTests
{
    [Fact]
    public async Task ReadAsync_QuotedMultiLineFieldsAndEmptyLines_ReportEachRowsFirstLine()
    {
        using var csv = new CsvTestFile("编号,题名,页数\r\nA1,\"第一行\r\n第二行\",3\r\n\r\nA2,\"含,逗号和\"\"引号\"\"\",4\nA3,末行,5");

        var records = await csv.ReadAsync();

        Assert.Equal([2L, 5L, 6L], records.Select(r => r.LineNumber));
        Assert.Equal("第一行\r\n第二行", records[0].Value("题名"));
        Assert.Equal("含,逗号和\"引号\"", records[1].Value("题名"));
        Assert.Equal("末行", records[2].Value("题名"));
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_AnyRow_CarriesLocationAsConfiguredAndNoRawTextWhenWellFormed()
    {
        using var csv = new CsvTestFile("a,b\r\n1,2\r\n");

        var record = Assert.Single(await csv.ReadAsync());

        Assert.Equal("export.csv", record.Location);
        Assert.Null(record.RawText);
        Assert.Null(record.SourceKey);
        Assert.Empty(record.Attachments);
        Assert.Equal("""{"a":"1","b":"2"}""", record.Fields.ToRawJson());
    }

    [Fact]
    public async Task ReadAsync_SameRowBytes_GiveTheSameChangeTokenAndAnEditChangesIt()
    {
        using var csv = new CsvTestFile("a,b\r\n1,张三\r\n2,李四\r\n");
        var first = await csv.ReadAsync();

        csv.Rewrite("a,b\r\n0,新增\r\n1,张三\r\n2,李肆\r\n");
        var second = await csv.ReadAsync();

        Assert.Matches("^[0-9a-f]{32}$", first[0].ChangeToken);
        Assert.Equal(first[0].ChangeToken, second[1].ChangeToken);
        Assert.NotEqual(first[1].ChangeToken, second[2].ChangeToken);
    }

    [Theory]
    [InlineData(';', '\'', "id;title\r\n1;'关于印发;通知'\r\n", "关于印发;通知")]
    [InlineData('\t', '"', "id\ttitle\r\n1\t\"a\tb\"\r\n", "a\tb")]
    [InlineData('|', '"', "id|title\r\n1|人事处|\r\n", null)]
    [InlineData('#', '\\', "id#title\r\n1#\\a#b\\\r\n", "a#b")]
    public async Task ReadAsync_CustomDelimiterAndQuote_SplitsOnThem(char delimiter, char quote, string text, string? title)
    {
        using var csv = new CsvTestFile(text, Encodings.Gb18030, o => (o.Delimiter, o.Quote, o.Encoding) = (delimiter, quote, CsvEncoding.Gb18030));

        var record = Assert.Single(await csv.ReadAsync());

        Assert.Equal(["id", "title"], record.Names());
        if (title is null) Assert.NotNull(record.Problem); // three fields under a two-column header
        else Assert.Equal(title, record.Value("title"));
    }

    [Fact]
    public async Task ReadAsync_PipeDelimiterInGb18030_DoesNotSplitInsideChineseCharacters()
    {
        // 質 is 0xD9 0x7C in GB18030: its second byte is '|'. Reading must split on characters, not bytes.
        using var csv = new CsvTestFile("id|name\r\n1|品質管理\r\n", Encodings.Gb18030, o => (o.Delimiter, o.Encoding) = ('|', CsvEncoding.Gb18030));

        var record = Assert.Single(await csv.ReadAsync());

        Assert.Equal("品質管理", record.Value("name"));
        Assert.Null(record.Problem);
    }

    [Fact]
    public async Task ReadAsync_NoHeader_NamesColumnsByPosition()
    {
        using var csv = new CsvTestFile("E1,张伟\r\nE2,李娜\r\n", configure: o => o.HasHeader = false);

        var records = await csv.ReadAsync();

        Assert.Equal(2, records.Count);
        Assert.Equal(["#1", "#2"], records[0].Names());
        Assert.Equal("李娜", records[1].Value("#2"));
        Assert.Equal(1, records[0].LineNumber);
    }

    [Fact]
    public async Task ReadAsync_HeaderNamesWithSpaces_AreTrimmed()
    {
        using var csv = new CsvTestFile(" 员工编号 , 姓名\r\nE1,张伟\r\n");

        var record = Assert.Single(await csv.ReadAsync());

        Assert.Equal("张伟", record.Value("姓名"));
    }

    [Fact]
    public async Task ReadAsync_RowsOfOnlyDelimiters_AreSkipped()
    {
        using var csv = new CsvTestFile("a,b,c\r\n1,2,3\r\n,,\r\n\"\",,\r\n4,5,6\r\n,,\r\n");

        var records = await csv.ReadAsync();

        Assert.Equal(["1", "4"], records.Select(r => r.Value("a")));
    }

    [Fact]
    public async Task ReadAsync_EmptyOrHeaderOnlyFile_YieldsNothing()
    {
        using var empty = new CsvTestFile("");
        using var headerOnly = new CsvTestFile("a,b\r\n");

        Assert.Empty(await empty.ReadAsync());
        Assert.Empty(await headerOnly.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_CancelledMidFile_StopsAtTheNextRow()
    {
        using var csv = new CsvTestFile("a\r\n1\r\n2\r\n3\r\n");
        using var cancellation = new CancellationTokenSource();
        var read = new List<string?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in csv.Connector.ReadAsync(new Core.Sources.ReadContext { RunId = "r" }, cancellation.Token))
            {
                read.Add(record.Value("a"));
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(["1"], read);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsConnectorExceptionNamingThePath()
    {
        using var csv = new CsvTestFile("a\r\n1\r\n");
        File.Delete(csv.FullPath);

        var e = await Assert.ThrowsAsync<Core.ConnectorException>(() => csv.ReadAsync());

        Assert.Equal($"connector 'hr-csv': the CSV file 'export.csv' does not exist (looked for {csv.FullPath})", e.Message);
    }

    [Fact]
    public async Task ReadAsync_GeneratedGb18030Export_RoundTripsEveryValue()
    {
        var generator = new HrCsvGenerator(seed: 7);
        using var csv = new CsvTestFile([], o => o.Encoding = CsvEncoding.Auto);
        generator.WriteFile(csv.FullPath, 2000);

        var records = await csv.ReadAsync();

        Assert.Equal(2000, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Null(records[i].Problem);
            Assert.Equal(generator.Row(i).ToArray(), records[i].Values());
        }
    }
}
