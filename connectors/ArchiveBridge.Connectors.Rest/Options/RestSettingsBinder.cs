using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// Binds <see cref="RestConnectorOptions"/> from a connector's <c>settings</c> and checks it. The shape is checked
/// before binding, so that a typo (<c>pageSise</c>) or a bad value (<c>"overlap": "5 min"</c>) is reported with its
/// exact path and value instead of being ignored or failing deep in the configuration binder.
/// </summary>
internal static class RestSettingsBinder
{
    public static RestConnectorOptions Bind(ConnectorDefinition definition, List<ConfigurationException> problems)
    {
        var shapeProblems = new List<(string Setting, string Message)>();
        CheckShape(definition.Settings, typeof(RestConnectorOptions), "", shapeProblems);
        var options = new RestConnectorOptions();
        if (shapeProblems.Count == 0)
        {
            definition.Settings.Bind(options);
            shapeProblems.AddRange(RestConnectorOptionsValidator.Validate(options));
        }
        problems.AddRange(shapeProblems.Select(p => new ConfigurationException(p.Message, definition.ConfigFile, definition.FieldPath(p.Setting))));
        return options;
    }

    private static void CheckShape(IConfigurationSection section, Type type, string prefix, List<(string, string)> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            var setting = prefix.Length == 0 ? child.Key : $"{prefix}.{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                problems.Add((setting, $"unknown setting '{child.Key}' (known here: {string.Join(", ", properties.Keys.Select(Camel))})"));
                continue;
            }
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isBlock = child.GetChildren().Any();
            var value = child.Value;
            if (target == typeof(string))
            {
                if (isBlock) problems.Add((setting, "expects a text value, not a block"));
            }
            else if (target == typeof(Dictionary<string, string>))
            {
                if (!string.IsNullOrEmpty(value)) problems.Add((setting, $"expects a block of name/value pairs, not '{value}'"));
                foreach (var pair in child.GetChildren().Where(c => c.GetChildren().Any()))
                    problems.Add(($"{setting}.{pair.Key}", "expects a text value, not a block"));
            }
            else if (target == typeof(List<string>))
            {
                if (!string.IsNullOrEmpty(value)) problems.Add((setting, $"expects a list such as [\"a\", \"b\"], not '{value}'"));
            }
            else if (target.IsClass)
            {
                if (!string.IsNullOrEmpty(value)) problems.Add((setting, $"expects a block {{ … }}, not '{value}'"));
                else CheckShape(child, target, setting, problems);
            }
            else if (isBlock)
            {
                problems.Add((setting, $"expects {Describe(target)}, not a block"));
            }
            else if (value is not null && !CanConvert(target, value))
            {
                problems.Add((setting, $"'{value}' is not {Describe(target)}"));
            }
        }
    }

    private static bool CanConvert(Type type, string value)
    {
        try
        {
            // The converter the configuration binder itself uses, so what passes here binds.
            var converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return !type.IsEnum || (converted is not null && Enum.IsDefined(type, converted) && !int.TryParse(value, out _));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException
                                      || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration written hh:mm:ss (e.g. 00:05:00)",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(EnumName)),
        _ => "a " + type.Name,
    };

    /// <summary>How an enum value is written in config: <c>page</c>, <c>apiKey</c>, <c>oauth2</c>.</summary>
    public static string EnumName(string name) => name switch
    {
        "ApiKey" => "apiKey",
        _ => name.ToLowerInvariant(),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    internal static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
