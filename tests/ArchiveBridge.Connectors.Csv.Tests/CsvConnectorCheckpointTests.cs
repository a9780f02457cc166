using System.Text;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class CsvConnectorCheckpointTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "crlf", "编号,题名\r\nA1,一\r\nA2,二\r\nA3,三\r\n" },
        { "lf", "编号,题名\nA1,一\nA2,二\nA3,三\n" },
        { "cr", "编号,题名\rA1,一\rA2,二\rA3,三\r" },
        { "multiline and blank lines", "编号,题名\r\nA1,\"跨\r\n行\"\r\n\r\n\r\nA2,\"又\n跨\r行\"\nA3,三\r\n" },
        { "malformed rows", "编号,题名\r\nA1,\"未闭合\r\nA2,二\r\nA3,多,字段\r\nA4,四\r\n" },
        { "no final line break", "编号,题名\r\nA1,一\r\nA2,二" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_FromEachRowsPosition_YieldsExactlyTheRowsAfterIt(string name, string text)
    {
        foreach (var encoding in new[] { Encodings.Gb18030, new UTF8Encoding(true) })
        {
            using var csv = new CsvTestFile(text, encoding, o => o.Encoding = CsvEncoding.Auto);
            var all = await csv.ReadAsync();

            for (var k = 0; k < all.Count; k++)
            {
                var resumed = await csv.ReadAsync(all[k].Position);

                var expected = k == all.Count - 1 && !text.EndsWith('\n') && !text.EndsWith('\r')
                    ? [all[k]] // a last row without a line break is read again: it may still be being written
                    : all.Skip(k + 1).ToList();
                Assert.True(Summary(expected) == Summary(resumed), $"{name}, {encoding.WebName}, after row {k}:\n{Summary(expected)}\nvs\n{Summary(resumed)}");
            }
        }
    }

    [Fact]
    public async Task ReadAsync_FromTheMiddleOfALargeGb18030Export_YieldsTheRemainingRowsOnly()
    {
        using var csv = new CsvTestFile([]);
        new HrCsvGenerator(seed: 3).WriteFile(csv.FullPath, 20_000);
        var all = await csv.ReadAsync();

        var resumed = await csv.ReadAsync(all[12_344].Position);

        Assert.Equal(20_000 - 12_345, resumed.Count);
        Assert.Equal(all[12_345].LineNumber, resumed[0].LineNumber);
        Assert.Equal(all[12_345].Values(), resumed[0].Values());
        Assert.Equal(all[^1].ChangeToken, resumed[^1].ChangeToken);
    }

    [Fact]
    public async Task ReadAsync_ResumingAFileWithoutHeader_KeepsColumnNamesAndFieldCount()
    {
        using var csv = new CsvTestFile("E1,张伟,1\r\nE2,李娜,2\r\nE3,王芳\r\n", configure: o => o.HasHeader = false);
        var all = await csv.ReadAsync();

        var resumed = await csv.ReadAsync(all[0].Position);

        Assert.Equal(["#1", "#2", "#3"], resumed[0].Names());
        Assert.Equal("李娜", resumed[0].Value("#2"));
        Assert.Equal("export.csv line 3 has 2 fields but the first row has 3", resumed[1].Problem?.Message);
    }

    [Fact]
    public async Task ReadAsync_FromTheLastPositionOfAnUnchangedFile_YieldsNothing()
    {
        using var csv = new CsvTestFile("a,b\r\n1,2\r\n3,4\r\n");
        var all = await csv.ReadAsync();

        Assert.Empty(await csv.ReadAsync(all[^1].Position));
    }

    [Fact]
    public async Task ReadAsync_FileRewrittenSinceTheCheckpoint_ReadsFromTheStart()
    {
        using var csv = new CsvTestFile("a,b\r\n1,旧\r\n2,旧\r\n3,旧\r\n");
        var checkpoint = (await csv.ReadAsync())[1].Position;

        csv.Rewrite("a,b\r\n1,新\r\n2,新\r\n3,新\r\n");
        var records = await csv.ReadAsync(checkpoint);

        Assert.Equal(["新", "新", "新"], records.Select(r => r.Value("b")));
        Assert.Equal(2, records[0].LineNumber);
    }

    [Fact]
    public async Task ReadAsync_FileShorterThanAtTheCheckpoint_ReadsFromTheStart()
    {
        using var csv = new CsvTestFile("a,b\r\n1,2\r\n3,4\r\n5,6\r\n");
        var checkpoint = (await csv.ReadAsync())[2].Position;

        csv.Rewrite("a,b\r\n1,2\r\n");

        Assert.Equal(["1"], (await csv.ReadAsync(checkpoint)).Select(r => r.Value("a")));
    }

    [Fact]
    public async Task ReadAsync_RowsAppendedSinceTheCheckpoint_YieldsOnlyTheNewRows()
    {
        using var csv = new CsvTestFile("a,b\r\n1,一\r\n2,二\r\n");
        var checkpoint = (await csv.ReadAsync())[^1].Position;

        csv.Append("3,三\r\n4,四\r\n");
        var records = await csv.ReadAsync(checkpoint);

        Assert.Equal(["3", "4"], records.Select(r => r.Value("a")));
        Assert.Equal([4L, 5L], records.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_LastRowCompletedAfterTheCheckpoint_YieldsTheCompletedRow()
    {
        using var csv = new CsvTestFile("a,b\r\n1,一\r\n2,写了一半");
        var checkpoint = (await csv.ReadAsync())[^1].Position;

        csv.Append("的行\r\n3,三\r\n");
        var records = await csv.ReadAsync(checkpoint);

        Assert.Equal(["写了一半的行", "三"], records.Select(r => r.Value("b")));
    }

    [Fact]
    public async Task ReadAsync_Full_IgnoresTheCheckpoint()
    {
        using var csv = new CsvTestFile("a\r\n1\r\n2\r\n3\r\n");
        var checkpoint = (await csv.ReadAsync())[^1].Position;

        Assert.Equal(3, (await csv.ReadAsync(checkpoint, full: true)).Count);
    }

    [Theory]
    [InlineData("not a checkpoint")]
    [InlineData("csv1:10:abc:20:2")]
    [InlineData("2024-03-05T00:00:00Z")]
    public async Task ReadAsync_UnreadableCheckpoint_ReadsFromTheStart(string checkpoint)
    {
        using var csv = new CsvTestFile("a\r\n1\r\n2\r\n");

        Assert.Equal(2, (await csv.ReadAsync(checkpoint)).Count);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(10, 5)]
    public async Task ReadAsync_Limit_StopsAfterThatManyRows(int limit, int expected)
    {
        using var csv = new CsvTestFile("a\r\n1\r\n2\r\n3\r\n4\r\n5\r\n");

        Assert.Equal(expected, (await csv.ReadAsync(limit: limit)).Count);
    }

    [Fact]
    public async Task ReadAsync_Position_IsCompactAndNamesOffsetAndLineOfTheNextRow()
    {
        using var csv = new CsvTestFile("a,b\r\n1,2\r\n3,4\r\n");

        var records = await csv.ReadAsync();

        Assert.Matches(@"^csv1:15:[A-Za-z0-9_-]{22}:10:3$", records[0].Position);
        Assert.EndsWith(":15:4", records[1].Position, StringComparison.Ordinal);
    }

    private static string Summary(IEnumerable<SourceRecord> records) =>
        string.Join("\n", records.Select(r => $"{r.LineNumber}: {string.Join("|", r.Values())} {r.ChangeToken} {r.Problem?.Reason}"));
}
