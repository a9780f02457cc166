using ArchiveBridge.Core.Checks;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Core.Tests.Checks;

public class ChecksBuilderExtensionsTests
{
    [Fact]
    public async Task AddIngestChecks_WithClamAv_ResolvesCheckersUsingTheScanner()
    {
        var services = new ServiceCollection();
        services.Configure<ArchiveOptions>(o => o.ArchivalCode = "{fonds}-{itemNo:000}");
        services.AddArchiveBridge()
            .AddIngestChecks(o => o.Levels[CheckId.FileNameSafe] = CheckLevel.Block)
            .AddClamAvScanner(o => o.Socket = ClamAvClientTests.ClamdSocket);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var checker = provider.GetRequiredService<AttachmentChecker>();
        var report = await checker.CheckAsync(new AttachmentCheckRequest
        {
            Name = "a|b.txt", Content = new MemoryStream(Samples.Eicar()), Sha256 = "x", Size = 68,
        });

        Assert.Equal(VirusScanStatus.Infected, report.VirusScan?.Status);
        Assert.True(report.Results.Single(r => r.Id == CheckId.FileNameSafe).Blocks);
        Assert.Same(provider.GetRequiredService<ClamAvClient>(), provider.GetRequiredService<IVirusScanner>());
        var record = provider.GetRequiredService<RecordChecker>().Check(new() { Fonds = "Z001", ItemNo = 5, ArchivalCode = "Z001-005" });
        Assert.True(record.Single(r => r.Id == CheckId.ArchivalCodeWellFormed).Passed);
    }

    [Fact]
    public async Task AddIngestChecks_UnknownCheckId_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddArchiveBridge().AddIngestChecks(o => o.Levels["security.antivirus"] = CheckLevel.Off);
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CheckOptions>>().Value);

        Assert.Contains("unknown check 'security.antivirus'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIngestChecks_NoScanner_NoVirusScanResult()
    {
        var services = new ServiceCollection();
        services.AddArchiveBridge().AddIngestChecks();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<AttachmentChecker>().CheckAsync(new AttachmentCheckRequest
        {
            Name = "a.txt", Content = new MemoryStream(Samples.Eicar()), Sha256 = "x", Size = 68,
        });

        Assert.Null(report.VirusScan);
        Assert.DoesNotContain(report.Results, r => r.Id == CheckId.VirusScan);
    }
}
