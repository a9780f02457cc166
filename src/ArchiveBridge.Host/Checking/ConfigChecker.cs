using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Sources;
using ArchiveBridge.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Host.Checking;

/// <summary>
/// <c>check</c>: validates the config and every mapping it references without touching any source or the
/// store, and reports every problem (not just the first) with file, line and field.
/// </summary>
public sealed class ConfigChecker(IEnumerable<ISourceConnectorFactory> factories)
{
    private static readonly string[] VerifyModes = ["standard", "hmac-sha256"];
    private static readonly string[] WebhookModes = ["document", "notify"];

    public IReadOnlyList<ConfigProblem> Check(string? configPath)
    {
        var problems = new List<ConfigProblem>();
        LoadedConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigurationException ex)
        {
            problems.Add(new ConfigProblem(ex.File ?? configPath ?? ConfigLoader.DefaultFileName, LineFromMessage(ex.Message), ex.Field ?? "", ex.Message));
            return problems;
        }
        var lines = new JsonLineIndex(File.ReadAllBytes(config.Path));
        void Add(string field, string message) => problems.Add(new ConfigProblem(config.Path, lines.LineOf(field), field, message));

        var archive = config.Options.Archive;
        if (string.IsNullOrWhiteSpace(archive.Fonds)) Add("archive.fonds", "全宗号 (fonds) is required");
        foreach (var message in ArchivalCodeTemplateProblems(archive.ArchivalCode)) Add("archive.archivalCode", message);

        var byType = factories.ToDictionary(f => f.Type, StringComparer.OrdinalIgnoreCase);
        foreach (var definition in config.Connectors)
        {
            var at = $"connectors[{definition.Index}]";
            var receiveOnly = string.Equals(definition.Type, "webhook", StringComparison.OrdinalIgnoreCase);
            if (receiveOnly)
            {
                if (definition.Webhook is null) Add($"{at}.webhook", $"connector '{definition.Id}' of type webhook needs a 'webhook' block");
            }
            else if (!byType.TryGetValue(definition.Type, out var factory))
                Add($"{at}.type", $"unknown connector type '{definition.Type}' (known: {string.Join(", ", byType.Keys.Order())})");
            else
            {
                foreach (var ex in factory.Validate(definition))
                    Add(ex.Field ?? $"{at}.settings", StripPrefix(ex.Message, ex));
            }

            if (definition.MappingPath is null)
            {
                if (!string.Equals(definition.Type, "webhook", StringComparison.OrdinalIgnoreCase) || definition.Webhook?["mode"] != "notify")
                    Add($"{at}.mapping", $"connector '{definition.Id}' needs a mapping file");
            }
            else
            {
                foreach (var d in MappingLoader.Check(definition.MappingPath, archive.Vocabularies))
                    problems.Add(new ConfigProblem(d.File, d.Line, d.Field, d.Position is null ? d.Message : $"{d.Message}"));
            }

            if (!string.IsNullOrWhiteSpace(definition.Schedule) && CronError(definition.Schedule) is { } cronError)
                Add($"{at}.schedule", $"'{definition.Schedule}' is not a valid Quartz cron expression (e.g. \"0 0/15 * * * ?\"): {cronError}");

            if (definition.Webhook is { } webhook)
            {
                var verify = webhook["verify"];
                if (verify is null || !VerifyModes.Contains(verify))
                    Add($"{at}.webhook.verify", $"'{verify}' is not one of: {string.Join(", ", VerifyModes)}");
                var mode = webhook["mode"] ?? "document";
                if (!WebhookModes.Contains(mode)) Add($"{at}.webhook.mode", $"'{mode}' is not one of: {string.Join(", ", WebhookModes)}");
                if (string.IsNullOrEmpty(webhook["secret"])) Add($"{at}.webhook.secret", "a webhook needs a secret (\"env:NAME\")");
            }

            foreach (var (path, variable) in EnvReferences(definition.Settings, $"{at}.settings")
                         .Concat(definition.Webhook is null ? [] : EnvReferences(definition.Webhook, $"{at}.webhook")))
            {
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
                    Add(path, $"environment variable {variable} is not set");
            }
        }
        // A connector's own validation and the generic env scan may both report one unset variable: say it once.
        return [.. problems.Distinct()];
    }

    /// <summary>Null when <paramref name="expression"/> is a valid Quartz cron expression, else why not.</summary>
    public static string? CronError(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static IReadOnlyList<string> ArchivalCodeTemplateProblems(string template) => Core.ArchivalCodes.ArchivalCodeTemplate.Validate(template);

    private static IEnumerable<(string Path, string Variable)> EnvReferences(IConfigurationSection section, string prefix)
    {
        foreach (var child in section.GetChildren())
        {
            var path = int.TryParse(child.Key, out _) ? $"{prefix}[{child.Key}]" : $"{prefix}.{child.Key}";
            if (child.Value is { } value && SecretValue.IsReference(value)) yield return (path, value[SecretValue.EnvPrefix.Length..]);
            foreach (var nested in EnvReferences(child, path)) yield return nested;
        }
    }

    private static string StripPrefix(string message, ConfigurationException ex)
    {
        var prefix = $"{ex.File}: {ex.Field}: ";
        return ex.File is not null && message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private static int LineFromMessage(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"at line (\d+)");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
