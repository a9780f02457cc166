namespace ArchiveBridge.Core.Records;

/// <summary>业务行为: what happened to the document, when and by whom.</summary>
public sealed class RecordEvent
{
    public required string Action { get; set; }
    public string? At { get; set; }
    public string? By { get; set; }
    public string? Detail { get; set; }
}
