using ArchiveBridge.Core;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Tests.ArchivalCodes;

public class ArchivalCodeTemplateTests
{
    private const string DaT13Style = "{fonds}-{category}·{year}·{retention}·{org}-{itemNo:0000}";

    private static readonly ArchivalCodeTemplate DaT22 = ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate);
    private static readonly ArchivalCodeTemplate DaT13 = ArchivalCodeTemplate.Parse(DaT13Style);

    private static ArchiveRecord Record(string? org = "BGS", string? retention = "D30", int? year = 2024) => new()
    {
        Fonds = "Z001", Category = "WS", Year = year, Retention = retention, Org = org, Title = "关于印发档案管理办法的通知",
    };

    [Fact]
    public void Format_DaT22Template_JoinsPartsWithTheirSeparatorsAndPadsItemNo()
    {
        Assert.Equal("Z001-WS·2024-D30-BGS-0007", DaT22.Format(Record(), 7));
    }

    [Fact]
    public void Format_NoOrg_DropsOrgWithTheSeparatorBeforeIt()
    {
        Assert.Equal("Z001-WS·2024-D30-0007", DaT22.Format(Record(org: null), 7));
        Assert.Equal("Z001-WS·2024-D30-0007", DaT22.Format(Record(org: "  "), 7));
    }

    [Fact]
    public void Format_DaT13StyleWithChineseOrg_KeepsCjkPart()
    {
        var record = new ArchiveRecord { Fonds = "Z109", Category = "WS", Year = 2011, Retention = "Y", Org = "办公室" };

        Assert.Equal("Z109-WS·2011·Y·办公室-0001", DaT13.Format(record, 1));
    }

    [Fact]
    public void Format_ItemNoWiderThanPadding_KeepsAllDigits()
    {
        Assert.Equal("Z001-WS·2024-D30-BGS-12345", DaT22.Format(Record(), 12345));
    }

    [Fact]
    public void Format_EmptyFirstPart_StartsWithoutSeparator()
    {
        var record = Record();
        record.Fonds = null;

        Assert.Equal("WS·2024-D30-BGS-0002", DaT22.Format(record, 2));
    }

    [Fact]
    public void Format_ItemNoBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DaT22.Format(Record(), 0));
    }

    [Theory]
    [InlineData("{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}")]
    [InlineData("{fonds}-{category}·{year}·{retention}·{org}-{itemNo:000}")]
    [InlineData("档号:{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}号")]
    [InlineData("{fonds}-{itemNo:0000}-{category}·{year}-{org}")]
    [InlineData("{org}/{itemNo}")]
    public void Format_FromPartitionKey_IsTheCodeRenderedFromTheRecord(string template)
    {
        // The store formats from the partition's text; it must never differ from rendering the record.
        var codes = ArchivalCodeTemplate.Parse(template);
        ArchiveRecord[] records = [Record(), Record(org: null), Record(org: "{itemNo}"), Record(retention: " Y ", year: 1999)];
        foreach (var record in records)
        {
            foreach (var itemNo in new[] { 1, 7, 999, 12345 })
                Assert.Equal(codes.Format(record, itemNo), codes.Format(record, codes.PartitionKey(record), itemNo));
        }
    }

    [Fact]
    public void PartitionKey_RecordsDifferingOnlyOutsideTheCode_ShareSequence()
    {
        var a = Record();
        var b = Record();
        b.Title = "另一份文件";
        b.DocNumber = "办〔2024〕3号";

        Assert.Equal(DaT22.PartitionKey(a), DaT22.PartitionKey(b));
        Assert.Equal("Z001-WS·2024-D30-BGS-{itemNo}", DaT22.PartitionKey(a));
    }

    [Fact]
    public void PartitionKey_DifferentOrgOrYear_DifferentSequence()
    {
        Assert.NotEqual(DaT22.PartitionKey(Record(org: "BGS")), DaT22.PartitionKey(Record(org: "RSC")));
        Assert.NotEqual(DaT22.PartitionKey(Record(year: 2024)), DaT22.PartitionKey(Record(year: 2025)));
    }

    [Fact]
    public void PartitionKey_PartNotInTemplate_DoesNotSplitSequence()
    {
        var withoutOrg = ArchivalCodeTemplate.Parse("{fonds}-{category}·{year}-{retention}-{itemNo:0000}");

        Assert.Equal(withoutOrg.PartitionKey(Record(org: "BGS")), withoutOrg.PartitionKey(Record(org: "RSC")));
    }

    [Theory]
    [InlineData("Z001-WS·2024-D30-BGS-0007", "BGS", "D30")]
    [InlineData("Z001-WS·2024-D30-0007", null, "D30")]
    public void TryParse_DaT22Code_ReadsParts(string code, string? org, string? retention)
    {
        Assert.True(DaT22.TryParse(code, out var parts));
        Assert.Equal(new ArchivalCodeParts { Fonds = "Z001", Category = "WS", Year = 2024, Retention = retention, Org = org, ItemNo = 7 }, parts);
    }

    [Fact]
    public void TryParse_DaT13CodeWithChineseOrg_RoundTrips()
    {
        Assert.True(DaT13.TryParse("Z109-WS·2011·Y·办公室-0001", out var parts));
        Assert.Equal("办公室", parts.Org);
        Assert.Equal("Y", parts.Retention);
        Assert.Equal(2011, parts.Year);
        Assert.Equal(1, parts.ItemNo);
        Assert.Equal("Z109-WS·2011·Y·办公室-0001", DaT13.Format(parts));
    }

    [Theory]
    [InlineData("Z001-WS·2024-D30-BGS-7")]      // padding differs from the template's
    [InlineData("Z001-WS·2024-D30-BGS-00A7")]   // item number not digits
    [InlineData("Z001-WS-2024-D30-BGS-0007")]   // wrong separator after category
    [InlineData("")]
    [InlineData("Z001")]
    public void TryParse_CodeTheTemplateCannotMake_ReturnsFalse(string code)
    {
        Assert.False(DaT22.TryParse(code, out var parts));
        Assert.Null(parts);
    }

    [Fact]
    public void IsWellFormed_CodeFromRecordsOwnParts_True()
    {
        var record = Record();
        record.ItemNo = 7;

        Assert.True(DaT22.IsWellFormed("Z001-WS·2024-D30-BGS-0007", record));
    }

    [Fact]
    public void IsWellFormed_NoItemNoOnRecord_TakesItFromCode()
    {
        Assert.True(DaT22.IsWellFormed("Z001-WS·2024-D30-BGS-0042", Record()));
    }

    [Theory]
    [InlineData("Z001-WS·2023-D30-BGS-0007")]   // year of another record
    [InlineData("Z001-WS·2024-D30-RSC-0007")]   // org of another record
    [InlineData("Z001-WS·2024-D30-BGS-0008")]   // item number differs from the record's
    [InlineData("z001-ws·2024-d30-bgs-0007")]
    [InlineData(null)]
    public void IsWellFormed_CodeNotMadeFromRecord_False(string? code)
    {
        var record = Record();
        record.ItemNo = 7;

        Assert.False(DaT22.IsWellFormed(code, record));
    }

    [Theory]
    [InlineData(ArchiveOptions.DefaultArchivalCodeTemplate)]
    [InlineData(DaT13Style)]
    [InlineData("{itemNo}")]
    [InlineData("档-{fonds}-{itemNo:000000}号")]
    public void Validate_UsableTemplate_NoProblems(string template)
    {
        Assert.Empty(ArchivalCodeTemplate.Validate(template));
    }

    [Theory]
    [InlineData("{fonds}-{categry}-{itemNo}", "unknown part '{categry}' at position 9; known parts: fonds, category, year, retention, org, itemNo")]
    [InlineData("{fonds}-{category}-{year}", "the template has no {itemNo}, so codes would not be unique")]
    [InlineData("{fonds}-{category-{itemNo}", "'{' at position 9 is never closed")]
    [InlineData("{fonds}-{itemNo:0000", "'{' at position 9 is never closed")]
    [InlineData("{fonds}}-{itemNo}", "'}' at position 8 has no matching '{'")]
    [InlineData("{fonds}-{fonds}-{itemNo}", "part '{fonds}' at position 9 appears twice")]
    [InlineData("{fonds}{itemNo}", "parts '{fonds}' and '{itemNo}' have no separator between them, so codes could not be read back")]
    [InlineData("{org:000}-{itemNo}", "part '{org}' at position 1 takes no format ('000'); only year and itemNo do")]
    [InlineData("{fonds}-{itemNo:N4}", "format 'N4' of '{itemNo}' at position 9 must be zeros giving the padded width, such as 0000")]
    [InlineData("", "the template is empty; it needs at least {itemNo}")]
    public void Validate_BrokenTemplate_NamesTheProblem(string template, string problem)
    {
        Assert.Contains(problem, ArchivalCodeTemplate.Validate(template));
    }

    [Fact]
    public void Parse_BrokenTemplate_ThrowsConfigurationExceptionListingEveryProblem()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ArchivalCodeTemplate.Parse("{fonds}-{foo}-{year"));

        Assert.Equal("archive.archivalCode", ex.Field);
        Assert.Contains("unknown part '{foo}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'{' at position 15 is never closed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no {itemNo}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PartNamesInAnyCase_Accepted()
    {
        var template = ArchivalCodeTemplate.Parse("{FONDS}-{ItemNo:00}");

        Assert.Equal([ArchivalCodePart.Fonds, ArchivalCodePart.ItemNo], template.Parts);
        Assert.Equal("Z001-03", template.Format(Record(), 3));
    }
}
