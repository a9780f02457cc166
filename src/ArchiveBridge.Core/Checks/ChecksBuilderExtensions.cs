using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Core.Checks;

public static class ChecksBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="CheckOptions"/> (validated at startup), <see cref="AttachmentChecker"/> (using the
    /// <see cref="IVirusScanner"/> when one is registered) and <see cref="RecordChecker"/> (with the archival code
    /// template of <c>IOptions&lt;ArchiveOptions&gt;</c>). Bind the <c>checks</c> section with
    /// <c>Services.Configure&lt;CheckOptions&gt;(section)</c> or adjust it in <paramref name="configure"/>.
    /// </summary>
    public static IArchiveBridgeBuilder AddIngestChecks(this IArchiveBridgeBuilder builder, Action<CheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptionsWithValidateOnStart<CheckOptions, CheckOptionsValidator>();
        if (configure is not null)
            options.Configure(configure);

        builder.Services.TryAddSingleton(sp => new AttachmentChecker(
            sp.GetRequiredService<IOptions<CheckOptions>>().Value, sp.GetService<IVirusScanner>()));
        builder.Services.TryAddSingleton(sp => new RecordChecker(
            sp.GetRequiredService<IOptions<CheckOptions>>().Value,
            ArchivalCodeTemplate.Parse(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.ArchivalCode)));
        return builder;
    }

    /// <summary>Registers <see cref="ClamAvClient"/> as the <see cref="IVirusScanner"/>; options validated at startup.</summary>
    public static IArchiveBridgeBuilder AddClamAvScanner(this IArchiveBridgeBuilder builder, Action<ClamAvOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptionsWithValidateOnStart<ClamAvOptions, ClamAvOptionsValidator>();
        if (configure is not null)
            options.Configure(configure);

        builder.Services.TryAddSingleton(sp => new ClamAvClient(sp.GetRequiredService<IOptions<ClamAvOptions>>().Value));
        builder.Services.TryAddSingleton<IVirusScanner>(sp => sp.GetRequiredService<ClamAvClient>());
        return builder;
    }
}
