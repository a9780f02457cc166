using ArchiveBridge.Core.Fingerprints;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Tests.Records;

public sealed class ExtraFieldsTests
{
    [Fact]
    public void Set_OutOfOrder_EnumeratesInOrdinalKeyOrder()
    {
        var extra = new ExtraFields { ["员工姓名"] = "董霞", ["b"] = "2", ["A"] = "1", ["a"] = "3", ["employeeId"] = "E1" };

        // Ordinal: upper case before lower case, CJK after ASCII — the order SortedDictionary(StringComparer.Ordinal) gave.
        Assert.Equal(["A", "a", "b", "employeeId", "员工姓名"], extra.Select(p => p.Key));
        Assert.Equal(["A", "a", "b", "employeeId", "员工姓名"], [.. new SortedDictionary<string, string>(extra, StringComparer.Ordinal).Keys]);
    }

    [Fact]
    public void Set_ExistingKey_ReplacesTheValue_AddRefusesIt()
    {
        var extra = new ExtraFields(2) { ["k"] = "old", ["z"] = "last" };

        extra["k"] = "new";

        Assert.Equal(2, extra.Count);
        Assert.Equal("new", extra["k"]);
        var refused = Assert.Throws<ArgumentException>(() => extra.Add("k", "again"));
        Assert.Contains("'k'", refused.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => extra["missing"]);
        Assert.True(extra.Remove("k"));
        Assert.Equal(["z"], extra.Keys);
    }

    [Fact]
    public void JsonRoundTrip_KeepsOrderValuesAndTheFingerprint()
    {
        var record = new ArchiveRecord { Title = "关于印发《档案管理办法》的通知", Source = { ConnectorId = "hr", SourceKey = "E1" } };
        record.Extra["职务"] = "科员";
        record.Extra["employeeId"] = "E10001";

        var read = RecordJson.Deserialize(RecordJson.Serialize(record));

        Assert.Equal([new("employeeId", "E10001"), new("职务", "科员")], read.Extra.ToList());
        Assert.Equal(RecordFingerprint.Compute(record), RecordFingerprint.Compute(read));
    }
}
