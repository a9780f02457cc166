namespace ArchiveBridge.Core.Configuration;

/// <summary>The whole configuration file (samples/archivebridge.json), bound from IConfiguration.</summary>
public sealed class ArchiveBridgeOptions
{
    public StoreOptions Store { get; set; } = new();
    public ArchiveOptions Archive { get; set; } = new();
    public ServerOptions Server { get; set; } = new();
    public PipelineOptions Pipeline { get; set; } = new();

    /// <summary>四性 ingest checks: levels per check id (block, warn, off), allowed formats, required fields.</summary>
    public Checks.CheckOptions Checks { get; set; } = new();

    /// <summary>Virus scanning through a local clamd; off when not configured.</summary>
    public Checks.ClamAvOptions? ClamAv { get; set; }
}
