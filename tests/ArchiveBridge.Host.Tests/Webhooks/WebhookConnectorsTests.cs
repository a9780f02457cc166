using ArchiveBridge.Core;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Webhooks;

public sealed class WebhookConnectorsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private LoadedConfig Load(string connector)
    {
        var path = _temp.Combine("archivebridge.json");
        File.WriteAllText(path, $$"""{ "connectors": [ {{connector}} ] }""");
        return ConfigLoader.Load(path);
    }

    [Fact]
    public void Create_FullBlock_BindsEveryKey()
    {
        var config = Load("""
            { "id": "oa-push", "type": "webhook", "mapping": "m.json",
              "webhook": { "verify": "standard", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "mode": "document",
                           "maxBodyBytes": 4096, "tolerance": "00:01:00", "replayWindow": "1.00:00:00" } }
            """);

        var hook = Assert.Single(WebhookConnectors.Create(config).All);

        Assert.Equal(("oa-push", WebhookMode.Document, 4096L), (hook.Id, hook.Mode, hook.MaxBodyBytes));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)), (hook.Tolerance, hook.ReplayWindow));
        Assert.IsType<StandardWebhookVerifier>(hook.Verifier);
    }

    [Fact]
    public void Create_Defaults_TenMegabytesFiveMinutesSevenDays()
    {
        var config = Load("""{ "id": "oa-api", "type": "rest", "webhook": { "verify": "hmac-sha256", "secret": "s", "mode": "notify" } }""");

        var hook = Assert.Single(WebhookConnectors.Create(config).All);

        Assert.Equal((10L * 1024 * 1024, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7)), (hook.MaxBodyBytes, hook.Tolerance, hook.ReplayWindow));
        Assert.IsType<HubSignatureVerifier>(hook.Verifier);
    }

    [Fact]
    public void Create_UnknownVerify_ThrowsNamingFieldAndAllowedValues()
    {
        var config = Load("""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "verify": "md5", "secret": "s" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Equal("connectors[0].webhook.verify", ex.Field);
        Assert.Contains("'md5' is not a webhook verification (allowed: standard, hmac-sha256)", ex.Message);
    }

    [Fact]
    public void Create_SecretVariableUnset_ThrowsNamingTheVariableNotTheValue()
    {
        var variable = "AB_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        var config = Load($$"""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "secret": "env:{{variable}}" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Equal("connectors[0].webhook.secret", ex.Field);
        Assert.Contains($"environment variable {variable} is not set", ex.Message);
    }

    [Fact]
    public void Create_SecretFromEnvironment_IsResolved()
    {
        var variable = "AB_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        try
        {
            var config = Load($$"""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "secret": "env:{{variable}}" } }""");

            Assert.IsType<StandardWebhookVerifier>(Assert.Single(WebhookConnectors.Create(config).All).Verifier);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Create_StandardSecretNotBase64_ThrowsWithoutEchoingIt()
    {
        var config = Load("""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "secret": "whsec_not*base64!" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Contains("'whsec_' followed by base64", ex.Message);
        Assert.DoesNotContain("not*base64", ex.Message);
    }

    [Fact]
    public void Create_NotifyOnReceiveOnlyConnector_Throws()
    {
        var config = Load("""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "secret": "s", "verify": "hmac-sha256", "mode": "notify" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Equal("connectors[0].webhook.mode", ex.Field);
    }

    [Fact]
    public void Create_DocumentModeWithoutMapping_ThrowsNamingMapping()
    {
        var config = Load("""{ "id": "x", "type": "webhook", "webhook": { "secret": "s", "verify": "hmac-sha256" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Equal("connectors[0].mapping", ex.Field);
    }

    [Fact]
    public void Create_BadDuration_ThrowsNamingTheBlock()
    {
        var config = Load("""{ "id": "x", "type": "webhook", "mapping": "m.json", "webhook": { "secret": "s", "verify": "hmac-sha256", "tolerance": "five minutes" } }""");

        var ex = Assert.Throws<ConfigurationException>(() => WebhookConnectors.Create(config));

        Assert.Equal("connectors[0].webhook", ex.Field);
        Assert.Contains("five minutes", ex.Message);
    }

    public void Dispose() => _temp.Dispose();
}
