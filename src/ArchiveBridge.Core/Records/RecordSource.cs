namespace ArchiveBridge.Core.Records;

/// <summary>来源: where a record came from; excluded from the fingerprint (it varies per route).</summary>
public sealed class RecordSource
{
    public string? System { get; set; }
    public string? ConnectorId { get; set; }
    public string? SourceKey { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? RetrievedAt { get; set; }
    public string? Location { get; set; }
    public long? LineNumber { get; set; }
}
