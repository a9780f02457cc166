using Microsoft.Extensions.Options;

namespace ArchiveBridge.Core.Checks;

/// <summary>Where clamd listens. <see cref="Socket"/> (a Unix socket path) wins over <see cref="Host"/>/<see cref="Port"/>.</summary>
public sealed class ClamAvOptions
{
    /// <summary>clamd's <c>LocalSocket</c>, e.g. <c>/run/clamav/clamd.ctl</c>.</summary>
    public string? Socket { get; set; }

    /// <summary>clamd's <c>TCPAddr</c>; loopback by default (clamd's protocol has no authentication).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>clamd's <c>TCPSocket</c>.</summary>
    public int Port { get; set; } = 3310;

    /// <summary>For one whole exchange: connect, send the content, get the verdict. Large files need more.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Fails at startup on settings that cannot reach clamd, naming the field and value.</summary>
public sealed class ClamAvOptionsValidator : IValidateOptions<ClamAvOptions>
{
    public ValidateOptionsResult Validate(string? name, ClamAvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
            failures.Add($"clamAv.timeout: must be positive, not '{options.Timeout}'");
        if (string.IsNullOrWhiteSpace(options.Socket))
        {
            if (string.IsNullOrWhiteSpace(options.Host))
                failures.Add("clamAv.host: set a host (or a socket path in clamAv.socket)");
            if (options.Port is < 1 or > 65535)
                failures.Add($"clamAv.port: must be 1-65535, not '{options.Port}'");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
