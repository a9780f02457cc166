using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.TestUtils;

/// <summary>Builders for test data (after Serilog's Support/Some.cs).</summary>
public static class Some
{
    private static readonly FieldHeader Header = new(["key", "title", "date", "category", "retention", "org", "docNumber", "files"]);

    /// <summary>A valid flat record; override any field.</summary>
    public static SourceRecord Record(string key, string title = "关于印发《档案管理办法》的通知", string date = "2024-03-05",
        string category = "WS", string retention = "D30", string? org = "BGS", string? docNumber = null, string? files = null, string? token = null) =>
        new(new FlatSourceFields(Header, [key, title, date, category, retention, org, docNumber ?? $"示范〔2024〕{key}号", files]))
        {
            ChangeToken = token,
        };
}
