using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Pipeline;

namespace ArchiveBridge.Core.Tests.Checks;

/// <summary>The stored form of a record's check results, which reuses the JSON of the last all-passed list.</summary>
public class StoredCheckResultsTests
{
    private static CheckResult Passed(string id) => new(id, CheckProperty.Authenticity, CheckLevel.Warn, true, "ok", "通过", null);

    private static CheckResult Failed(string id) => new(id, CheckProperty.Integrity, CheckLevel.Warn, false, "missing: title", "缺少：题名", "title");

    [Fact]
    public void Serialize_AllPassedListsInTurn_EachGetsItsOwnIds()
    {
        var two = IngestChecks.Serialize([Passed(CheckId.SourceRecorded), Passed(CheckId.RequiredMetadata)]);
        var again = IngestChecks.Serialize([Passed(CheckId.SourceRecorded), Passed(CheckId.RequiredMetadata)]);
        var other = IngestChecks.Serialize([Passed(CheckId.SourceRecorded), Passed(CheckId.AttachmentCount)]);
        var one = IngestChecks.Serialize([Passed(CheckId.SourceRecorded)]);

        Assert.Equal("""{"passed":["authenticity.source_recorded","integrity.required_metadata"],"failed":[]}""", two);
        Assert.Same(two, again);
        Assert.Equal("""{"passed":["authenticity.source_recorded","integrity.attachment_count"],"failed":[]}""", other);
        Assert.Equal("""{"passed":["authenticity.source_recorded"],"failed":[]}""", one);
    }

    [Fact]
    public void Serialize_AFailureAfterAllPassed_IsWrittenInFull()
    {
        IngestChecks.Serialize([Passed(CheckId.SourceRecorded), Passed(CheckId.RequiredMetadata)]);

        var json = IngestChecks.Serialize([Passed(CheckId.SourceRecorded), Failed(CheckId.RequiredMetadata)])!;

        Assert.StartsWith("""{"passed":["authenticity.source_recorded"],"failed":[{"id":"integrity.required_metadata",""", json, StringComparison.Ordinal);
        Assert.Contains("缺少：题名", json, StringComparison.Ordinal);
    }
}
