using ArchiveBridge.Core;
using ArchiveBridge.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Host.Serve;

/// <summary>
/// <c>serve</c>'s own keys under <c>server</c>, beside <c>server.urls</c> (which Core's ServerOptions holds).
/// </summary>
public sealed class ServeOptions
{
    /// <summary>
    /// How long shutdown waits for runs to commit their batch in flight and for queued webhooks to commit.
    /// Keep it below the service manager's stop timeout (systemd: TimeoutStopSec, 90 s by default).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(80);

    public static ServeOptions From(LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = new ServeOptions();
        try
        {
            config.Configuration.GetSection("server").Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, config.Path, "server.shutdownTimeout", ex);
        }
        if (options.ShutdownTimeout <= TimeSpan.Zero)
            throw new ConfigurationException($"must be positive (got {options.ShutdownTimeout})", config.Path, "server.shutdownTimeout");
        return options;
    }
}
