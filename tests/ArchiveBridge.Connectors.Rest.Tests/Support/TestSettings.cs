using System.Text;
using System.Text.Json.Nodes;
using ArchiveBridge.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Connectors.Rest.Tests.Support;

/// <summary>
/// Connector settings for tests: working defaults against the demo OA (bearer auth, page style, tiny retry delays)
/// with a JSON fragment deep-merged over them, exactly as an admin would write it in archivebridge.json.
/// </summary>
public static class TestSettings
{
    public static string Defaults(string apiUrl) => $$"""
        {
          "baseUrl": "{{apiUrl}}",
          "list": { "path": "/documents", "items": "data.items" },
          "paging": { "style": "page", "size": 25 },
          "auth": { "type": "bearer", "token": "demo-token" },
          "resilience": { "maxRetries": 3, "baseDelay": "00:00:00.010", "maxDelay": "00:00:00.050",
                          "attemptTimeout": "00:00:05", "totalTimeout": "00:00:30" }
        }
        """;

    /// <summary>The defaults for <paramref name="server"/> with <paramref name="overrides"/> merged over them.</summary>
    public static ConnectorDefinition For(DemoOaServer server, string overrides = "{}") =>
        Definition(Merge(JsonNode.Parse(Defaults(server.ApiUrl))!.AsObject(), JsonNode.Parse(overrides)!.AsObject()).ToJsonString());

    /// <summary>A definition whose settings are exactly <paramref name="settingsJson"/>, as <c>connectors[index]</c> of a config file.</summary>
    public static ConnectorDefinition Definition(string settingsJson, int index = 0)
    {
        var connectors = new JsonArray();
        for (var i = 0; i < index; i++) connectors.Add(new JsonObject());
        connectors.Add(new JsonObject { ["id"] = "oa-api", ["type"] = "rest", ["settings"] = JsonNode.Parse(settingsJson) });
        var json = new JsonObject { ["connectors"] = connectors }.ToJsonString();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        return new ConnectorDefinition
        {
            Id = "oa-api",
            Type = "rest",
            Settings = configuration.GetSection($"connectors:{index}:settings"),
            BaseDirectory = AppContext.BaseDirectory,
            ConfigFile = "archivebridge.json",
            Index = index,
        };
    }

    private static JsonObject Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (name, value) in overrides.ToList())
        {
            if (value is JsonObject inner && target[name] is JsonObject existing) Merge(existing, inner);
            else target[name] = value?.DeepClone();
        }
        return target;
    }
}
