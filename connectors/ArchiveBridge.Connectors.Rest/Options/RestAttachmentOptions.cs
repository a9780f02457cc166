namespace ArchiveBridge.Connectors.Rest;

/// <summary>The <c>attachments</c> block: where attachment URLs may point and how large a file may be.</summary>
public sealed class RestAttachmentOptions
{
    /// <summary>Host names (or <c>host:port</c>) attachments may be fetched from; empty allows only the <c>baseUrl</c> host.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    public long MaxBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Redirects followed (each to an allowed host) before giving up.</summary>
    public int MaxRedirects { get; set; } = 5;
}
