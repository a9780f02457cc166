namespace ArchiveBridge.Storage.Entities;

/// <summary>
/// A records index that an initial load dropped to build once at its end (<see cref="InitialLoad.DeferredIndexes"/>),
/// with the statement that recreates it: while a row exists the index is missing, and whoever finds the loading
/// run gone recreates it.
/// </summary>
public sealed class DeferredIndexEntity
{
    public required string Name { get; set; }
    public required string Definition { get; set; }
    public required string RunId { get; set; }
    public required string ConnectorId { get; set; }
    public required string DeferredAt { get; set; }
}
