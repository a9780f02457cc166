using ArchiveBridge.Host.Tests.Reports;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Verification;

/// <summary>The <c>verify</c> verb end to end: checkers built from the config, exit code from what was found.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly TestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Verify_IntactThenBlobDeleted_Exits0Then1()
    {
        var connector = new ListConnector("oa", [Some.Record("a", files: "a.pdf")]);
        connector.Files["a.pdf"] = Files.Pdf("verify");
        await _archive.SyncAsync(connector);

        var intact = await _archive.CliAsync("verify", "--json");
        File.Delete(_archive.Blobs.PathOf(await _archive.ScalarAsync<string>("SELECT sha256 FROM attachments")));
        var broken = await _archive.CliAsync("verify", "--connector", "oa");

        Assert.Equal((0, 1), (intact, broken));
    }
}
