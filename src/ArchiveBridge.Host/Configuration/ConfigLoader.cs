using System.Text.Json;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Host.Configuration;

/// <summary>
/// Finds and loads the config file: <c>--config</c>, else ./archivebridge.json, else samples/archivebridge.json.
/// Relative paths inside resolve against the file's folder; every value can be overridden by environment
/// variables (<c>ARCHIVEBRIDGE_</c> prefix, <c>__</c> for nesting), the Microsoft.Extensions.Configuration way.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultFileName = "archivebridge.json";
    public const string EnvironmentPrefix = "ARCHIVEBRIDGE_";

    public static string ResolvePath(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            if (!File.Exists(full)) throw new ConfigurationException("config file not found", explicitPath);
            return full;
        }
        var local = Path.GetFullPath(DefaultFileName);
        if (File.Exists(local)) return local;
        // samples/archivebridge.json of the checkout we run from (dotnet run may start us in the project folder).
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", DefaultFileName);
            if (File.Exists(sample)) return sample;
        }
        throw new ConfigurationException($"no config file: pass --config FILE, or create ./{DefaultFileName} (see samples/{DefaultFileName})");
    }

    public static LoadedConfig Load(string? explicitPath)
    {
        var path = ResolvePath(explicitPath);
        CheckJson(path);
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(path, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException(ex.Message, path, inner: ex);
        }

        var options = new ArchiveBridgeOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, path, inner: ex);
        }
        var baseDirectory = Path.GetDirectoryName(path)!;
        options.Store.ConnectionString = ResolveSqlite(options.Store.ConnectionString, baseDirectory);
        options.Store.Blobs = Path.GetFullPath(Path.Combine(baseDirectory, options.Store.Blobs));

        var connectors = new List<ConnectorDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var section in configuration.GetSection("connectors").GetChildren())
        {
            var id = section["id"];
            var type = section["type"];
            if (string.IsNullOrWhiteSpace(id)) throw new ConfigurationException("a connector needs an 'id'", path, $"connectors[{index}].id");
            if (!ids.Add(id)) throw new ConfigurationException($"duplicate connector id '{id}'", path, $"connectors[{index}].id");
            if (string.IsNullOrWhiteSpace(type)) throw new ConfigurationException($"connector '{id}' needs a 'type'", path, $"connectors[{index}].type");
            var mapping = section["mapping"];
            connectors.Add(new ConnectorDefinition
            {
                Id = id,
                Type = type,
                Schedule = section["schedule"],
                SyncAll = !string.Equals(section["syncAll"], "false", StringComparison.OrdinalIgnoreCase),
                ChecksEnabled = !string.Equals(section["checks:enabled"], "false", StringComparison.OrdinalIgnoreCase),
                System = section["system"],
                MappingPath = string.IsNullOrEmpty(mapping) ? null : Path.GetFullPath(Path.Combine(baseDirectory, mapping)),
                Settings = section.GetSection("settings"),
                Webhook = section.GetSection("webhook").Exists() ? section.GetSection("webhook") : null,
                BaseDirectory = baseDirectory,
                ConfigFile = path,
                Index = index,
            });
            index++;
        }
        return new LoadedConfig(path, configuration, options, connectors);
    }

    /// <summary>Reports JSON syntax errors with the line, before the configuration system hides them.</summary>
    private static void CheckJson(string path)
    {
        try
        {
            // Editors such as Notepad save a UTF-8 BOM, which the JSON reader does not skip by itself.
            var bytes = File.ReadAllBytes(path);
            var json = bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ConfigurationException("the config must be a JSON object", path);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"invalid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {ex.Message}", path, inner: ex);
        }
        catch (IOException ex)
        {
            throw new ConfigurationException($"cannot read: {ex.Message}", path, inner: ex);
        }
    }

    /// <summary>Makes a relative SQLite <c>Data Source</c> absolute (against the config folder) and sets a busy timeout.</summary>
    internal static string ResolveSqlite(string connectionString, string baseDirectory)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 120;
        return builder.ToString();
    }
}

/// <summary>A loaded configuration: the file, the raw configuration, the bound options and the connectors.</summary>
public sealed record LoadedConfig(string Path, IConfigurationRoot Configuration, ArchiveBridgeOptions Options, IReadOnlyList<ConnectorDefinition> Connectors)
{
    public ConnectorDefinition Connector(string id) =>
        Connectors.FirstOrDefault(c => c.Id == id)
        ?? throw new ConfigurationException($"no connector '{id}' (configured: {string.Join(", ", Connectors.Select(c => c.Id))})", Path, "connectors");
}
