using ArchiveBridge.Core;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// Builds a <see cref="FixityVerifier"/> that checks with the same rules as ingest: the registered checkers when
/// the host added them (<c>AddIngestChecks</c>), else checkers made from the config's <c>checks</c> section and
/// archival code template. A virus scan runs only when a scanner is registered.
/// </summary>
public static class FixityVerifierFactory
{
    public static FixityVerifier Create(IServiceProvider services, IConfiguration configuration, ArchiveOptions archive, string? configFile = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(archive);
        var records = services.GetService<RecordChecker>();
        var attachments = services.GetService<AttachmentChecker>();
        if (records is null || attachments is null)
        {
            var options = BindChecks(configuration, configFile);
            records ??= new RecordChecker(options, ArchivalCodeTemplate.Parse(archive.ArchivalCode));
            attachments ??= new AttachmentChecker(options, services.GetService<IVirusScanner>());
        }
        return new FixityVerifier(services.GetRequiredService<ArchiveStore>(), services.GetRequiredService<IBlobStore>(), records, attachments);
    }

    private static CheckOptions BindChecks(IConfiguration configuration, string? configFile)
    {
        CheckOptions options;
        try
        {
            options = configuration.GetSection("checks").Get<CheckOptions>() ?? new CheckOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, configFile, "checks", ex);
        }
        var result = new CheckOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new ConfigurationException(string.Join("; ", result.Failures ?? []), configFile, "checks");
        return options;
    }
}
