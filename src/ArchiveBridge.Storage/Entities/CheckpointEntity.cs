namespace ArchiveBridge.Storage.Entities;

/// <summary>Where a connector resumes: written in the transaction of the batch it completes.</summary>
public sealed class CheckpointEntity
{
    public required string ConnectorId { get; set; }
    public string? Position { get; set; }
    public required string RunId { get; set; }
    public required string UpdatedAt { get; set; }
}
