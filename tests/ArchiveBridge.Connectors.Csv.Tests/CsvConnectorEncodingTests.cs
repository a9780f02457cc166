using System.Text;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class CsvConnectorEncodingTests
{
    private const string Text = "员工编号,姓名,文件题名\r\nE10001,刘䶮,关于刘䶮同志职务任免的通知\r\nE10002,𠮷田,关于调整岗位工资的通知\r\n";

    [Theory]
    [InlineData(CsvEncoding.Gb18030)]
    [InlineData(CsvEncoding.Auto)]
    public async Task ReadAsync_Gb18030Bytes_DecodesChineseIncludingFourByteCharacters(CsvEncoding setting)
    {
        using var csv = new CsvTestFile(Text, Encodings.Gb18030, o => o.Encoding = setting);

        var records = await csv.ReadAsync();

        Assert.Equal(["员工编号", "姓名", "文件题名"], records[0].Names());
        Assert.Equal(["E10001", "刘䶮", "关于刘䶮同志职务任免的通知"], records[0].Values());
        Assert.Equal("𠮷田", records[1].Value("姓名"));
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Theory]
    [InlineData(CsvEncoding.Utf8)]
    [InlineData(CsvEncoding.Auto)]
    public async Task ReadAsync_Utf8Bytes_DecodesChinese(CsvEncoding setting)
    {
        using var csv = new CsvTestFile(Text, new UTF8Encoding(false), o => o.Encoding = setting);

        var records = await csv.ReadAsync();

        Assert.Equal(["E10001", "刘䶮", "关于刘䶮同志职务任免的通知"], records[0].Values());
        Assert.Equal("𠮷田", records[1].Value("姓名"));
    }

    [Theory]
    [InlineData(CsvEncoding.Utf8Bom)]
    [InlineData(CsvEncoding.Utf8)]
    [InlineData(CsvEncoding.Auto)]
    [InlineData(CsvEncoding.Gb18030)]
    public async Task ReadAsync_Utf8WithBom_StripsTheBomFromTheFirstHeader(CsvEncoding setting)
    {
        using var csv = new CsvTestFile(Text, new UTF8Encoding(true), o => o.Encoding = setting);

        var records = await csv.ReadAsync();

        Assert.Equal("员工编号", records[0].Names()[0]);
        Assert.Equal("E10001", records[0].Value("员工编号"));
        Assert.Equal("刘䶮", records[0].Value("姓名"));
    }

    [Fact]
    public async Task ReadAsync_AutoWithLongAsciiHeadThenGb18030_DetectsGb18030()
    {
        var ascii = string.Concat(Enumerable.Range(0, 5000).Select(i => $"E{i:D5},Zhang Wei,notice {i}\r\n"));
        using var csv = new CsvTestFile("id,name,title\r\n" + ascii + "E99999,张伟,关于张伟同志转正定级的批复\r\n", Encodings.Gb18030);

        var records = await csv.ReadAsync();

        Assert.Equal(5001, records.Count);
        Assert.Equal("张伟", records[^1].Value("name"));
        Assert.Null(records[^1].Problem);
    }

    [Fact]
    public async Task ReadAsync_Utf8SettingOnGb18030Bytes_QuarantinesTheUndecodableRows()
    {
        using var csv = new CsvTestFile("id,name\r\nE1,Li Na\r\nE2,张伟\r\n", Encodings.Gb18030, o => o.Encoding = CsvEncoding.Utf8);

        var records = await csv.ReadAsync();

        Assert.Null(records[0].Problem);
        var problem = Assert.IsType<RecordProblem>(records[1].Problem);
        Assert.Equal(ReasonCodes.MalformedRow, problem.Reason);
        Assert.Equal("export.csv line 3 holds bytes that are not valid UTF-8; check the connector's encoding setting", problem.Message);
        Assert.Equal("export.csv 第 3 行含有不是有效 UTF-8 编码的字节，请检查连接器的 encoding 设置", problem.MessageZh);
        Assert.NotNull(records[1].RawText);
    }

    [Fact]
    public async Task ReadAsync_InvalidGb18030Bytes_QuarantinesThatRowOnly()
    {
        var bytes = Encodings.Gb18030.GetBytes("id,name\r\nE1,张伟\r\n").Concat(new byte[] { (byte)'E', (byte)'2', (byte)',', 0x81, 0x20, 0x0D, 0x0A }).ToArray();
        using var csv = new CsvTestFile(bytes, o => o.Encoding = CsvEncoding.Gb18030);

        var records = await csv.ReadAsync();

        Assert.Null(records[0].Problem);
        Assert.Equal("export.csv line 3 holds bytes that are not valid GB18030; check the connector's encoding setting", records[1].Problem?.Message);
    }
}
