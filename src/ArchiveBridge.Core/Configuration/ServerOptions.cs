namespace ArchiveBridge.Core.Configuration;

/// <summary>The <c>serve</c> endpoint.</summary>
public sealed class ServerOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";
}
