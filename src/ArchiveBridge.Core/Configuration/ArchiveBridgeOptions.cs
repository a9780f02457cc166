namespace ArchiveBridge.Core.Configuration;

/// <summary>The whole configuration file (samples/archivebridge.json), bound from IConfiguration.</summary>
public sealed class ArchiveBridgeOptions
{
    public StoreOptions Store { get; set; } = new();
    public ArchiveOptions Archive { get; set; } = new();
    public ServerOptions Server { get; set; } = new();
    public PipelineOptions Pipeline { get; set; } = new();
}
