using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core;
using Microsoft.Extensions.Time.Testing;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class AuthTests
{
    private static string OAuth2(DemoOaServer oa, string secret = "demo-secret") => $$"""
        { "auth": { "type": "oauth2", "tokenUrl": "{{oa.Url}}/oauth/token", "clientId": "demo-client", "clientSecret": "{{secret}}", "scope": "documents.read" },
          "detail": { "path": "/documents/{id}" }, "paging": { "size": 50 } }
        """;

    [Fact]
    public async Task ReadAsync_NoneAgainstOpenApi_SendsNoCredentials()
    {
        await using var oa = await DemoOaServer.StartAsync(o => o.AllowAnonymous = true);
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "auth": { "type": "none" } }"""));

        Assert.Equal(120, (await connector.ReadAllAsync()).Count);
        Assert.All(oa.ListRequests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ReadAsync_NoneAgainstProtectedApi_ThrowsConnectorExceptionWithoutRetrying()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "auth": { "type": "none" } }"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains("answered 401 Unauthorized (check the connector's auth settings)", error.Message, StringComparison.Ordinal);
        Assert.Single(oa.ListRequests);
    }

    [Fact]
    public async Task ReadAsync_BearerTokenFromEnvironment_IsSent()
    {
        var variable = "AB_TEST_OA_TOKEN_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, "secret-from-env");
        try
        {
            await using var oa = await DemoOaServer.StartAsync(o => o.BearerToken = "secret-from-env");
            using var connector = TestConnectors.Create(TestSettings.For(oa, $$"""{ "auth": { "type": "bearer", "token": "env:{{variable}}" } }"""));

            Assert.Equal(120, (await connector.ReadAllAsync()).Count);
            Assert.All(oa.ListRequests, r => Assert.Equal("Bearer secret-from-env", r.Authorization));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Create_BearerTokenVariableUnset_ThrowsConfigurationExceptionNamingSettingAndVariable()
    {
        await using var oa = await DemoOaServer.StartAsync();

        var error = Assert.Throws<ConfigurationException>(() =>
            TestConnectors.Create(TestSettings.For(oa, """{ "auth": { "type": "bearer", "token": "env:AB_TEST_UNSET_VARIABLE" } }""")));

        Assert.Equal("archivebridge.json: connectors[0].settings.auth.token: environment variable AB_TEST_UNSET_VARIABLE is not set", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Basic_SendsUserAndPassword()
    {
        await using var oa = await DemoOaServer.StartAsync(o => (o.BasicUser, o.BasicPassword) = ("archive", "归档-pass"));
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "auth": { "type": "basic", "username": "archive", "password": "归档-pass" } }"""));

        Assert.Equal(120, (await connector.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task ReadAsync_ApiKey_SendsKeyInConfiguredHeader()
    {
        await using var oa = await DemoOaServer.StartAsync(o => (o.ApiKeyHeader, o.ApiKey) = ("X-Oa-Key", "k-123"));
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "auth": { "type": "apiKey", "header": "X-Oa-Key", "key": "k-123" } }"""));

        Assert.Equal(120, (await connector.ReadAllAsync()).Count);
        Assert.All(oa.ListRequests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ReadAsync_OAuth2_FetchesOneTokenForAllCalls()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, OAuth2(oa)));

        Assert.Equal(120, (await connector.ReadAllAsync()).Count);

        Assert.Equal(1, oa.Tokens.TokensIssued);
        var calls = oa.Journal.For("/api/");
        Assert.Equal(4 + 120, calls.Count); // list pages (the last one empty) and one detail call per record
        Assert.All(calls, r => Assert.StartsWith("Bearer oat-1-", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_OAuth2TokenRevokedMidRun_RefreshesOnceAndContinues()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, OAuth2(oa)));
        var count = 0;

        await foreach (var _ in connector.ReadAsync(new() { RunId = "t" }, CancellationToken.None))
            if (++count == 30) oa.Tokens.RevokeAll();

        Assert.Equal(120, count);
        Assert.Equal(2, oa.Tokens.TokensIssued);
        Assert.Single(oa.Journal.Requests, r => r.Status == 401);
    }

    [Fact]
    public async Task ReadAsync_OAuth2TokenExpires_RenewsBeforeTheSourceRefusesIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var oa = await DemoOaServer.StartAsync(o => (o.TimeProvider, o.OAuthTokenLifetime) = (time, TimeSpan.FromMinutes(10)));
        using var connector = TestConnectors.Create(TestSettings.For(oa, OAuth2(oa)), time);

        await connector.ReadAllAsync(limit: 1);
        time.Advance(TimeSpan.FromMinutes(9.8));
        await connector.ReadAllAsync(limit: 1);

        Assert.Equal(2, oa.Tokens.TokensIssued);
        Assert.DoesNotContain(oa.Journal.Requests, r => r.Status == 401);
    }

    [Fact]
    public async Task ReadAsync_OAuth2WrongSecret_ThrowsConnectorExceptionNamingTheSettings()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, OAuth2(oa, secret: "wrong")));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadAllAsync());

        Assert.Contains($"the token endpoint {oa.Url}/oauth/token answered 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("check auth.clientId and auth.clientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Empty(oa.ListRequests);
    }
}
