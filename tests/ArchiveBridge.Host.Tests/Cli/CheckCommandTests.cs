namespace ArchiveBridge.Host.Tests.Cli;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Check_Samples_Exit0()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string?> { ["OA_TOKEN"] = "demo-token", ["OA_WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
            "check", "--config", CliWorkspace.Sample("archivebridge.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Check_TypoInFunctionName_Exit2NamingFileLineAndField()
    {
        var mapping = Path.Combine(_ws.Path, "typo.json");
        var text = await File.ReadAllTextAsync(CliWorkspace.Mapping("hr-personnel.json"));
        Assert.Contains("| trim", text, StringComparison.Ordinal);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"title\"", StringComparison.Ordinal) && l.Contains("trim", StringComparison.Ordinal));
        Assert.True(line >= 0);
        lines[line] = lines[line].Replace("trim", "trm", StringComparison.Ordinal);
        await File.WriteAllTextAsync(mapping, string.Join('\n', lines));
        _ws.WriteCsvConfig(CliWorkspace.Sample("hr", "hr_export.csv"), mappingPath: mapping);

        var result = await _ws.RunAsync("check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{mapping}:{line + 1}: fields.title: unknown function 'trm'", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadCronAndMissingSecret_ReportsConfigLines()
    {
        await File.WriteAllTextAsync(_ws.Config, """
        {
          "archive": { "fonds": "Z001" },
          "connectors": [
            { "id": "oa", "type": "webhook", "schedule": "every day",
              "mapping": "MAPPING",
              "webhook": { "verify": "standard", "secret": "env:AB_TEST_SURELY_UNSET_SECRET", "mode": "document" } }
          ]
        }
        """.Replace("MAPPING", CliWorkspace.Mapping("hr-personnel.json").Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal));

        var result = await _ws.RunAsync("check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{_ws.Config}:4: connectors[0].schedule: 'every day' is not a valid Quartz cron expression", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("connectors[0].webhook.secret: environment variable AB_TEST_SURELY_UNSET_SECRET is not set", result.Stdout, StringComparison.Ordinal);
    }
}
