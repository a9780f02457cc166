namespace ArchiveBridge.Storage.Entities;

/// <summary>
/// A lease that keeps two runs of one connector apart across processes (a served run and a CLI sync); it
/// expires so a crashed holder does not block forever.
/// </summary>
public sealed class LeaseEntity
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public required string ExpiresAt { get; set; }
}
