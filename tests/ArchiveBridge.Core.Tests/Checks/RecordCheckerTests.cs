using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Tests.Checks;

public class RecordCheckerTests
{
    private static readonly ArchivalCodeTemplate Template = ArchivalCodeTemplate.Parse(ArchiveOptions.DefaultArchivalCodeTemplate);

    private static ArchiveRecord Complete() => new()
    {
        Fonds = "Z001", Category = "WS", Year = 2024, Retention = "D30", Org = "BGS", ItemNo = 7,
        ArchivalCode = "Z001-WS·2024-D30-BGS-0007",
        Title = "关于印发档案管理办法的通知", Date = "2024-03-01",
        Source = new RecordSource { ConnectorId = "oa-api", SourceKey = "doc-42" },
        Attachments = [new AttachmentInfo { Name = "通知.pdf", Sha256 = new string('0', 64), Size = 10 }],
    };

    private static CheckResult Single(IReadOnlyList<CheckResult> results, string id) => Assert.Single(results, r => r.Id == id);

    [Fact]
    public void Check_CompleteRecord_AllPass()
    {
        var results = new RecordChecker(new CheckOptions(), Template).Check(Complete(), declaredAttachmentCount: 1);

        Assert.Equal(
            [CheckId.SourceRecorded, CheckId.ArchivalCodeWellFormed, CheckId.RequiredMetadata, CheckId.AttachmentCount],
            results.Select(r => r.Id));
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Fact]
    public void Check_MissingTitleAndDate_BlocksListingBoth()
    {
        var record = Complete();
        record.Title = " ";
        record.Date = null;

        var required = Single(new RecordChecker(new CheckOptions(), Template).Check(record), CheckId.RequiredMetadata);

        Assert.True(required.Blocks);
        Assert.Equal(CheckProperty.Integrity, required.Property);
        Assert.Equal("title, date", required.Subject);
        Assert.Equal("required metadata missing: title, date", required.Message);
        Assert.Equal("缺少必备元数据：title, date", required.MessageZh);
    }

    [Fact]
    public void Check_CategoryRequiresMore_AddsToDefaults()
    {
        var options = new CheckOptions { RequiredFieldsByCategory = { ["ws"] = ["docNumber", "extra.employeeId"] } };
        var record = Complete();

        var required = Single(new RecordChecker(options, Template).Check(record), CheckId.RequiredMetadata);
        record.DocNumber = "办〔2024〕3号";
        record.Extra["employeeId"] = "E001";
        var after = Single(new RecordChecker(options, Template).Check(record), CheckId.RequiredMetadata);

        Assert.Equal("docNumber, extra.employeeId", required.Subject);
        Assert.True(after.Passed);
    }

    [Fact]
    public void Check_ArchivalCodeOfAnotherYear_Blocks()
    {
        var record = Complete();
        record.ArchivalCode = "Z001-WS·2023-D30-BGS-0007";

        var code = Single(new RecordChecker(new CheckOptions(), Template).Check(record), CheckId.ArchivalCodeWellFormed);

        Assert.True(code.Blocks);
        Assert.Equal("archivalCode", code.Subject);
        Assert.Equal(
            "'Z001-WS·2023-D30-BGS-0007' is not what the template '{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}' makes of this record ('Z001-WS·2024-D30-BGS-0007')",
            code.Message);
    }

    [Fact]
    public void Check_NoArchivalCodeYet_NoCodeResult()
    {
        var record = Complete();
        record.ArchivalCode = null;

        Assert.DoesNotContain(new RecordChecker(new CheckOptions(), Template).Check(record), r => r.Id == CheckId.ArchivalCodeWellFormed);
    }

    [Fact]
    public void Check_NoSourceKey_BlocksAuthenticity()
    {
        var record = Complete();
        record.Source.SourceKey = null;

        var source = Single(new RecordChecker(new CheckOptions(), Template).Check(record), CheckId.SourceRecorded);

        Assert.True(source.Blocks);
        Assert.Equal(CheckProperty.Authenticity, source.Property);
    }

    [Fact]
    public void Check_FewerAttachmentsFoundThanDeclared_Blocks()
    {
        var count = Single(new RecordChecker(new CheckOptions(), Template).Check(Complete(), declaredAttachmentCount: 3, foundAttachmentCount: 2), CheckId.AttachmentCount);

        Assert.True(count.Blocks);
        Assert.Equal("3 attachment(s) declared, 2 found", count.Message);
        Assert.Equal("声明附件 3 个，实际 2 个", count.MessageZh);
    }

    [Fact]
    public void Check_NoDeclaredCount_NoCountResult()
    {
        Assert.DoesNotContain(new RecordChecker(new CheckOptions(), Template).Check(Complete()), r => r.Id == CheckId.AttachmentCount);
    }

    [Fact]
    public void Check_RequiredMetadataWarnOnly_FailsWithoutBlocking()
    {
        var options = new CheckOptions { Levels = { [CheckId.RequiredMetadata] = CheckLevel.Warn } };
        var record = Complete();
        record.Retention = null;

        var required = Single(new RecordChecker(options, Template).Check(record), CheckId.RequiredMetadata);

        Assert.False(required.Passed);
        Assert.False(required.Blocks);
    }

    [Fact]
    public void Check_PassesTurnedOff_AreLeftOut_ThoseOnAreSharedAndCarryTheirLevel()
    {
        var options = new CheckOptions { Levels = { [CheckId.SourceRecorded] = CheckLevel.Off, [CheckId.RequiredMetadata] = CheckLevel.Warn } };
        var checker = new RecordChecker(options, Template);

        var first = checker.Check(Complete());
        var second = checker.Check(Complete());

        Assert.DoesNotContain(first, r => r.Id == CheckId.SourceRecorded);
        var required = Single(first, CheckId.RequiredMetadata);
        Assert.True(required.Passed);
        Assert.Equal(CheckLevel.Warn, required.Level);
        // A pass says the same for every record: one result object serves them all.
        Assert.Same(required, Single(second, CheckId.RequiredMetadata));
    }
}
