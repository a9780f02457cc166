using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Csv.Tests;

/// <summary>The committed samples and the HR mapping agree with each other and with samples/hr/README.md.</summary>
public class SampleFilesTests
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd"];

    private static readonly CsvConnector Connector = SampleConnector("hr/hr_export.csv");
    private static readonly CsvConnector Messy = SampleConnector("hr/hr_export_messy.csv");

    [Fact]
    public async Task HrExport_EveryRow_IsValidForTheHrMapping()
    {
        var mapping = Mapping();
        var records = await CsvTestFile.ReadAllAsync(Connector);

        Assert.Equal(200, records.Count);
        Assert.All(records, r =>
        {
            Assert.Null(r.Problem);
            Assert.False(string.IsNullOrWhiteSpace(r.Value("文件题名")));
            Assert.False(string.IsNullOrWhiteSpace(r.Value("文号")));
            Assert.True(ParseDate(r.Value("成文日期")), r.Value("成文日期"));
            Assert.Contains(r.Value("保管期限")!, mapping.Retention);
            Assert.Contains(r.Value("部门")!, mapping.Orgs);
            Assert.Contains(r.Value("密级"), new[] { "", "公开", "内部" });
            Assert.True(int.Parse(r.Value("页数")!, CultureInfo.InvariantCulture) > 0);
        });
        Assert.Equal(200, records.Select(r => (r.Value("员工编号"), r.Value("文号"))).Distinct().Count());
        Assert.Equal(4, records.Select(r => DateStyle(r.Value("成文日期")!)).Distinct().Count());
    }

    [Fact]
    public async Task HrExport_Attachments_AreRealFilesUnderTheRootSomeSharedByTwoRows()
    {
        var records = await CsvTestFile.ReadAllAsync(Connector);
        var withFiles = records.Where(r => r.Value("附件路径") is { Length: > 0 }).ToList();
        var paths = withFiles.SelectMany(r => r.Value("附件路径")!.Split(';')).ToList();

        Assert.InRange(withFiles.Count, 18, 25);
        Assert.Equal(3, paths.GroupBy(p => p).Count(g => g.Count() == 2));
        foreach (var path in paths.Distinct())
        {
            await using var stream = await Connector.OpenAttachmentAsync(new AttachmentReference(path), CancellationToken.None);
            var head = new byte[8];
            await stream.ReadExactlyAsync(head);
            var expected = Path.GetExtension(path) switch
            {
                ".pdf" => "%PDF-1.4"u8.ToArray(),
                ".png" => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A },
                _ => head,
            };
            Assert.Equal(expected, head);
        }
        Assert.Contains(paths, p => p.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessyExport_EachBadLine_FailsAsTheReadmeSays()
    {
        var mapping = Mapping();
        var records = (await CsvTestFile.ReadAllAsync(Messy)).ToDictionary(r => r.LineNumber!.Value);
        var outcomes = new Dictionary<long, string>();
        foreach (var (line, record) in records)
            outcomes[line] = await OutcomeAsync(record, mapping);

        Assert.Equal(16, records.Count);
        Assert.Equal(ReadmeOutcomes(), outcomes.OrderBy(kv => kv.Key).ToDictionary());
        Assert.All(records.Values.Where(r => r.Problem is not null), r => Assert.NotNull(r.RawText));
    }

    [Fact]
    public void HrMapping_IsTheDesignsMappingLanguage()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("mappings", "hr-personnel.json")));
        var root = json.RootElement;

        Assert.Equal("mapping.schema.json", root.GetProperty("$schema").GetString());
        Assert.Equal("hr-personnel", root.GetProperty("name").GetString());
        Assert.Equal("RS", root.GetProperty("category").GetString());
        Assert.Equal("{员工编号}-{文号}", root.GetProperty("key").GetString());
        Assert.Equal("附件路径 | split(';')", root.GetProperty("attachments").GetString());
        var date = root.GetProperty("fields").GetProperty("date").GetString()!;
        Assert.All(DateFormats, f => Assert.Contains($"'{f}'", date, StringComparison.Ordinal));
        Assert.Equal(
            ["title", "docNumber", "date", "retention", "security", "org", "responsible", "pages", "keywords", "extra.employeeId", "extra.employeeName"],
            root.GetProperty("fields").EnumerateObject().Select(p => p.Name));
        Assert.Equal(TestUtils.HrCsvGenerator.Departments.OrderBy(kv => kv.Key), Mapping().OrgCodes.OrderBy(kv => kv.Key));
    }

    /// <summary>What the pipeline will make of a row, told from the connector and the mapping's own tables.</summary>
    private static async Task<string> OutcomeAsync(SourceRecord r, (HashSet<string> Retention, HashSet<string> Orgs, Dictionary<string, string> OrgCodes) mapping)
    {
        if (r.Problem is not null) return r.Problem.Reason;
        if (string.IsNullOrWhiteSpace(r.Value("文件题名"))) return ReasonCodes.MissingField;
        if (!ParseDate(r.Value("成文日期"))) return ReasonCodes.BadDate;
        if (!mapping.Retention.Contains(r.Value("保管期限")!) || !mapping.Orgs.Contains(r.Value("部门")!)) return ReasonCodes.UnknownValue;
        foreach (var path in r.Value("附件路径")!.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                await (await Messy.OpenAttachmentAsync(new AttachmentReference(path), CancellationToken.None)).DisposeAsync();
            }
            catch (AttachmentException e)
            {
                return e.Reason;
            }
        }
        return "archived";
    }

    private static Dictionary<long, string> ReadmeOutcomes()
    {
        var outcomes = new Dictionary<long, string>();
        foreach (Match m in Regex.Matches(File.ReadAllText(RepoPaths.Combine("samples", "hr", "README.md")), @"^\| ([\d, ]+) \| [^|]+ \| `?([a-z_]+)`? \|", RegexOptions.Multiline))
        {
            foreach (var line in m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
                outcomes[long.Parse(line, CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        }
        return outcomes.OrderBy(kv => kv.Key).ToDictionary();
    }

    private static (HashSet<string> Retention, HashSet<string> Orgs, Dictionary<string, string> OrgCodes) Mapping()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("mappings", "hr-personnel.json")));
        var lookups = json.RootElement.GetProperty("lookups");
        var orgs = lookups.GetProperty("orgs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return ([.. lookups.GetProperty("retention").EnumerateObject().Select(p => p.Name)], [.. orgs.Keys], orgs);
    }

    private static bool ParseDate(string? text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static int DateStyle(string text) =>
        Array.FindIndex(DateFormats, f => DateTime.TryParseExact(text, f, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    private static CsvConnector SampleConnector(string path) => new("hr-csv", new CsvConnectorOptions
    {
        Path = path, Encoding = CsvEncoding.Gb18030, AttachmentsRoot = "hr/files", BaseDirectory = RepoPaths.Combine("samples"),
    });
}
