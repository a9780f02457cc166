using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class SettingsTests
{
    private const string Base = "http://127.0.0.1:5090/api";

    private static IReadOnlyList<string> Problems(string settingsJson, int index = 0) =>
        [.. new RestConnectorFactory().Validate(TestSettings.Definition(settingsJson, index)).Select(e => e.Message)];

    [Fact]
    public void Validate_MinimalSettings_NoProblems()
    {
        Assert.Empty(Problems($$"""{ "baseUrl": "{{Base}}" }"""));
    }

    [Fact]
    public void Validate_DesignSampleSettings_NoProblems()
    {
        Assert.Empty(Problems($$"""
            {
              "baseUrl": "{{Base}}",
              "list": { "path": "/documents", "items": "data.items", "query": { "status": "published" } },
              "paging": { "style": "page", "pageParam": "page", "sizeParam": "size", "size": 100 },
              "incremental": { "field": "updatedAt", "param": "updatedSince", "overlap": "00:05:00", "tieBreak": "id",
                               "sortParams": { "_sort": "updatedAt", "_order": "asc" } },
              "detail": { "path": "/documents/{id}" },
              "attachments": { "allowedHosts": ["127.0.0.1"], "maxBytes": 104857600 },
              "auth": { "type": "bearer", "token": "demo-token" },
              "resilience": { "maxRetries": 5, "attemptTimeout": "00:00:10", "totalTimeout": "00:02:00" },
              "rateLimit": { "permitsPerSecond": 20 }
            }
            """));
    }

    [Fact]
    public void Validate_MissingBaseUrl_NamesConnectorIndexAndSetting()
    {
        Assert.Equal(["archivebridge.json: connectors[2].settings.baseUrl: is required (the API root, e.g. http://127.0.0.1:5090/api)"],
            Problems("""{ "list": { "path": "/documents" } }""", index: 2));
    }

    [Fact]
    public void Validate_BaseUrlNotHttp_NamesValue()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.baseUrl: must be an absolute http or https URL (was 'ftp://oa/api')"],
            Problems("""{ "baseUrl": "ftp://oa/api" }"""));
    }

    [Fact]
    public void Validate_DurationNotTimeSpan_NamesSettingAndValue()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.resilience.attemptTimeout: '10 seconds' is not a duration written hh:mm:ss (e.g. 00:05:00)"],
            Problems($$"""{ "baseUrl": "{{Base}}", "resilience": { "attemptTimeout": "10 seconds" } }"""));
    }

    [Fact]
    public void Validate_UnknownSetting_NamesItAndTheKnownOnes()
    {
        var problem = Assert.Single(Problems($$"""{ "baseUrl": "{{Base}}", "paging": { "pageSise": 50 } }"""));

        Assert.StartsWith("archivebridge.json: connectors[0].settings.paging.pageSise: unknown setting 'pageSise' (known here: style, pageParam, sizeParam, size,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownPagingStyle_ListsTheStyles()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.paging.style: 'pages' is not one of page, offset, cursor, link"],
            Problems($$"""{ "baseUrl": "{{Base}}", "paging": { "style": "pages" } }"""));
    }

    [Fact]
    public void Validate_CursorStyleWithoutCursorPath_SaysWhatIsMissing()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.paging.cursorPath: is required for paging.style 'cursor' (where the next cursor is in the response, e.g. data.nextCursor)"],
            Problems($$"""{ "baseUrl": "{{Base}}", "paging": { "style": "cursor" } }"""));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnce()
    {
        var problems = Problems($$"""
            { "baseUrl": "{{Base}}", "paging": { "size": 0 }, "detail": { "path": "/documents" },
              "auth": { "type": "oauth2", "clientId": "archive" }, "resilience": { "maxRetries": -1 } }
            """);

        Assert.Equal(
        [
            "archivebridge.json: connectors[0].settings.paging.size: must be between 1 and 10000 (was 0)",
            "archivebridge.json: connectors[0].settings.detail.path: must name an item field in braces, e.g. /documents/{id} (was '/documents')",
            "archivebridge.json: connectors[0].settings.auth.tokenUrl: is required for auth.type 'oauth2' (e.g. \"https://sso.example.com/oauth/token\")",
            "archivebridge.json: connectors[0].settings.auth.clientSecret: is required for auth.type 'oauth2' (e.g. \"env:OA_CLIENT_SECRET\")",
            "archivebridge.json: connectors[0].settings.resilience.maxRetries: must be between 0 and 100 (was -1)",
        ], problems);
    }

    [Fact]
    public void Validate_TimeoutsOutOfOrder_NamesBoth()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.resilience.totalTimeout: must be at least resilience.attemptTimeout and at most 1.00:00:00 (was 00:00:05)"],
            Problems($$"""{ "baseUrl": "{{Base}}", "resilience": { "attemptTimeout": "00:00:10", "totalTimeout": "00:00:05" } }"""));
    }

    [Fact]
    public void Validate_BadFieldPath_NamesSetting()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.list.items: is not a field path: bad index '[x]' in path 'data.items[x]' (use [*] or a number)"],
            Problems($$"""{ "baseUrl": "{{Base}}", "list": { "items": "data.items[x]" } }"""));
    }

    [Fact]
    public void Validate_SecretVariableUnset_IsReported()
    {
        Assert.Equal(["archivebridge.json: connectors[0].settings.auth.password: environment variable AB_TEST_UNSET_PASSWORD is not set"],
            Problems($$"""{ "baseUrl": "{{Base}}", "auth": { "type": "basic", "username": "archive", "password": "env:AB_TEST_UNSET_PASSWORD" } }"""));
    }

    [Fact]
    public void Create_InvalidSettings_ThrowsConfigurationException()
    {
        var error = Assert.Throws<ConfigurationException>(() => TestConnectors.Create(TestSettings.Definition("""{ "baseUrl": "" }""")));

        Assert.Equal("connectors[0].settings.baseUrl", error.Field);
        Assert.Equal("archivebridge.json", error.File);
    }

    [Fact]
    public async Task ReadAsync_WithRateLimit_ReadsEverything()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "rateLimit": { "permitsPerSecond": 1000 } }"""));

        Assert.Equal(120, (await connector.ReadAllAsync()).Count);
    }
}
