using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Core.Configuration;

/// <summary>One entry of <c>connectors</c> in the config file, with its paths resolved.</summary>
public sealed class ConnectorDefinition
{
    public required string Id { get; init; }

    /// <summary><c>csv</c>, <c>rest</c>, <c>database</c>, <c>webhook</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Quartz cron expression, or null for no schedule.</summary>
    public string? Schedule { get; init; }

    /// <summary>
    /// False keeps the connector out of <c>sync --all</c> (e.g. a source that is not always reachable, like the demo
    /// OA); it still runs on its schedule, by webhook, or by name.
    /// </summary>
    public bool SyncAll { get; init; } = true;

    /// <summary>Run the 四性 ingest checks for this connector (<c>checks.enabled</c>; on unless set to false).</summary>
    public bool ChecksEnabled { get; init; } = true;

    /// <summary>Absolute path of the mapping file.</summary>
    public string? MappingPath { get; init; }

    /// <summary>The source system's name for the record's 来源 (defaults to the connector id).</summary>
    public string? System { get; init; }

    /// <summary>The connector's <c>settings</c> block; each connector binds its own options from it.</summary>
    public required IConfigurationSection Settings { get; init; }

    /// <summary>The connector's <c>webhook</c> block, when it has one.</summary>
    public IConfigurationSection? Webhook { get; init; }

    /// <summary>The folder relative paths in settings resolve against (the config file's folder).</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The config file, for messages.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Index in the <c>connectors</c> array, for messages (<c>connectors[2].settings.path</c>).</summary>
    public int Index { get; init; }

    /// <summary>Resolves a settings path against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The config path of a setting, for messages: <c>connectors[0].settings.path</c>.</summary>
    public string FieldPath(string setting) => $"connectors[{Index}].settings.{setting}";
}
