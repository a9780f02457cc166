using ArchiveBridge.Host.Cli;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Serve;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("""{ "id": "hr", "type": "csv", "schedule": "every hour" }""")]
    [InlineData("""{ "id": "oa", "type": "webhook", "mapping": "m.json", "webhook": { "verify": "rsa", "secret": "s" } }""")]
    public async Task Serve_BadConfig_ExitsWith2BeforeListening(string connector)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("archivebridge.json");
        await File.WriteAllTextAsync(path, $$"""{ "connectors": [ {{connector}} ], "server": { "urls": "http://127.0.0.1:0" } }""");

        var exit = await ArchiveBridgeCli.Build().Parse(["serve", "--config", path]).InvokeAsync();

        Assert.Equal(ExitCodes.CannotRun, exit);
    }
}
