using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class HrCsvGeneratorTests
{
    [Fact]
    public void Write_SameSeed_WritesTheSameBytesAndAnotherSeedOthers()
    {
        static string Hash(HrCsvGenerator g)
        {
            using var buffer = new MemoryStream();
            g.Write(buffer, 5000);
            return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
        }

        Assert.Equal(Hash(new HrCsvGenerator(42)), Hash(new HrCsvGenerator(42)));
        Assert.NotEqual(Hash(new HrCsvGenerator(42)), Hash(new HrCsvGenerator(43)));
    }

    [Fact]
    public void Rows_ManyRows_HaveUniqueKeysAllDateStylesAndKnownVocabulary()
    {
        var rows = new HrCsvGenerator().Rows(50_000).ToList();

        Assert.Equal(rows.Count, rows.Select(r => (r.EmployeeId, r.DocNumber)).Distinct().Count());
        Assert.Contains(rows, r => r.Date.Contains('-'));
        Assert.Contains(rows, r => r.Date.Contains('/'));
        Assert.Contains(rows, r => r.Date.EndsWith('日'));
        Assert.Contains(rows, r => r.Date.Length == 8 && r.Date.All(char.IsAsciiDigit));
        Assert.All(rows, r => Assert.Contains(r.Department, HrCsvGenerator.Departments.Keys));
        Assert.All(rows, r => Assert.Contains(r.Retention, HrCsvGenerator.RetentionValues));
        Assert.All(rows, r => Assert.Equal("", r.Attachments));
        Assert.Contains(rows, r => r.Name.Contains("𠮷", StringComparison.Ordinal) || r.Name.Contains("䶮", StringComparison.Ordinal));
    }

    [Fact]
    public void Row_SameEmployee_KeepsNameAndDepartmentAcrossRows()
    {
        var byEmployee = new HrCsvGenerator { Employees = 30 }.Rows(3000).GroupBy(r => r.EmployeeId);

        Assert.All(byEmployee, g => Assert.Single(g.Select(r => (r.Name, r.Department)).Distinct()));
    }

    [Fact]
    public void Rows_WithAttachmentFiles_NameThemOnEveryNthRow()
    {
        var rows = new HrCsvGenerator { AttachmentFiles = ["a.pdf", "b.png"], AttachmentEvery = 4 }.Rows(400).ToList();

        Assert.All(rows.Where((_, i) => i % 4 != 0), r => Assert.Equal("", r.Attachments));
        Assert.All(rows.Where((_, i) => i % 4 == 0), r => Assert.Matches("^(a.pdf|b.png)(;(a.pdf|b.png))?$", r.Attachments));
        Assert.Contains(rows, r => r.Attachments.Contains(';', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_Utf8WithBomAndLf_IsReadBackByTheConnector()
    {
        var generator = new HrCsvGenerator(5) { Encoding = new UTF8Encoding(true), NewLine = "\n" };
        using var csv = new CsvTestFile([]);
        generator.WriteFile(csv.FullPath, 300);

        var records = await csv.ReadAsync();

        Assert.Equal(HrCsvGenerator.Headers, records[0].Names());
        Assert.Equal(generator.Rows(300).Select(r => r.ToArray()), records.Select(r => r.Values().ToArray()));
    }
}
