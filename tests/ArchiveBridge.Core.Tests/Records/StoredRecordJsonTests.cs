using System.Reflection;
using System.Text.Json;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Tests.Records;

public sealed class StoredRecordJsonTests
{
    private static readonly StoredRecordColumns Columns = new("01JROW", "hr-csv", "E10001-人考〔2015〕1号", "Z001-RS·2015-D30-RSC-0007", 7, 3,
        "2193f627651aeaade3fb882b5d1c0deb811ba5900dba8c9b51738b5d173b1b86")
    {
        Content = new StoredContentColumns("Z001", "RS", 2015, "D30", "RSC", "关于\"年度考核\"的通知\n（第二稿）\t\\ 𠀀", "人考〔2015〕1号", "2015-11-23"),
    };

    /// <summary>Every member set to a value that is not its default, Chinese and JSON-special characters included.</summary>
    private static ArchiveRecord Full() => new()
    {
        Id = Columns.Id,
        ArchivalCode = Columns.ArchivalCode,
        Fonds = Columns.Content!.Fonds,
        FondsUnit = "华东示范集团有限公司",
        Category = Columns.Content.Category,
        Year = Columns.Content.Year,
        Retention = Columns.Content.Retention,
        Org = Columns.Content.Org,
        ItemNo = Columns.ItemNo,
        Title = Columns.Content.Title,
        DocNumber = Columns.Content.DocNumber,
        Responsible = "人事处",
        Date = Columns.Content.Date,
        Security = "公开",
        Pages = 4,
        DocType = "通知",
        Keywords = ["考核", "年度"],
        Notes = "附注 <b>&amp;</b>",
        Source = new RecordSource
        {
            System = "人事系统 HR", ConnectorId = Columns.ConnectorId, SourceKey = Columns.SourceKey, Url = "https://hr.example/doc?id=1&v=2",
            RetrievedAt = new DateTimeOffset(2026, 11, 26, 17, 3, 26, TimeSpan.FromHours(8)).AddTicks(9888204), Location = "hr/hr_export.csv", LineNumber = 123456789012,
        },
        Attachments = [new AttachmentInfo { Name = "考核表.pdf", Sha256 = new string('a', 64), Size = 1234567890123, MediaType = "application/pdf", Format = "PDF/A-1b" }],
        Version = Columns.Version,
        Fingerprint = Columns.Fingerprint,
        Events = [new RecordEvent { Action = "ingestion", At = "2026-11-26T09:03:26Z", By = "archivebridge", Detail = "归档 via hr-csv" }],
        Extra = new ExtraFields { ["employeeId"] = "E10001", ["员工姓名"] = "董霞" },
    };

    [Fact]
    public void Sample_SetsEveryMember()
    {
        // A member added to the record and not to the sample (or the stored writer) fails here first.
        object?[] parts = [Full(), Full().Source, Full().Attachments[0], Full().Events[0]];
        foreach (var part in parts)
        {
            foreach (var property in part!.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var value = property.GetValue(part);
                var fresh = Activator.CreateInstance(property.PropertyType.IsValueType ? property.PropertyType : typeof(object));
                Assert.True(value is not null && !Equals(value, fresh) && value is not System.Collections.ICollection { Count: 0 },
                    $"{part.GetType().Name}.{property.Name} is not set in the sample");
            }
        }
    }

    [Fact]
    public void RoundTrip_WithTheRowsColumns_GivesTheWholeRecordBack()
    {
        var record = Full();

        var read = StoredRecordJson.Deserialize(System.Text.Encoding.UTF8.GetString(StoredRecordJson.Serialize(record)), Columns);

        Assert.Equal(RecordJson.Serialize(record), RecordJson.Serialize(read));
    }

    [Fact]
    public void Serialize_LeavesOutWhatTheColumnsHoldAndEmptyLists()
    {
        var record = Full();
        record.Keywords = [];
        record.Attachments = [];
        record.Events = [];
        record.Extra.Clear();

        using var json = JsonDocument.Parse(StoredRecordJson.Serialize(record));

        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var column in new[] { "id", "archivalCode", "itemNo", "version", "fingerprint", "keywords", "attachments", "events", "extra",
                     "fonds", "category", "year", "retention", "org", "title", "docNumber", "date" })
            Assert.DoesNotContain(column, names);
        var source = json.RootElement.GetProperty("source").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["system", "url", "retrievedAt", "location", "lineNumber"], source);
        Assert.Equal("华东示范集团有限公司", json.RootElement.GetProperty("fondsUnit").GetString());
        var read = StoredRecordJson.Deserialize(json.RootElement.GetRawText(), Columns);
        Assert.Equal(Columns.Content!.Title, read.Title);
        Assert.Equal(Columns.Version, read.Version);
        Assert.Empty(read.Keywords);
        Assert.Empty(read.Attachments);
        Assert.Empty(read.Events);
        Assert.Empty(read.Extra);
    }

    [Fact]
    public void Deserialize_RowWrittenWithTheColumnsInside_ReadsTheSame()
    {
        // Rows stored before the columns were left out of the JSON still carry them; the columns win.
        var record = Full();
        var old = RecordJson.Serialize(record);

        var read = StoredRecordJson.Deserialize(old, Columns with { Version = 4 });

        Assert.Equal(4, read.Version);
        Assert.Equal(RecordJson.Serialize(record).Replace("\"version\":3", "\"version\":4", StringComparison.Ordinal), RecordJson.Serialize(read));
    }

    [Fact]
    public void SerializeVersion_HoldsTheContentFields_ReadsBackWithoutContentColumns()
    {
        // A kept older version has no columns for its content: its JSON is the whole content.
        var record = Full();

        var kept = System.Text.Encoding.UTF8.GetString(StoredRecordJson.SerializeVersion(record));
        var read = StoredRecordJson.Deserialize(kept, Columns with { Content = null });

        Assert.Contains("\"docNumber\":\"人考〔2015〕1号\"", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("\"archivalCode\"", kept, StringComparison.Ordinal);
        Assert.Equal(RecordJson.Serialize(record), RecordJson.Serialize(read));
    }

    [Fact]
    public void Serialize_WritesChineseAsIs()
    {
        var bytes = StoredRecordJson.Serialize(Full());

        Assert.Contains("华东示范集团有限公司", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
