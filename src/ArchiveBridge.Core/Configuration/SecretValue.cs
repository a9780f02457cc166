namespace ArchiveBridge.Core.Configuration;

/// <summary>
/// Secrets are never written in config: a value <c>env:NAME</c> is read from the environment when used.
/// Plain values pass through (for tests and local demos).
/// </summary>
public static class SecretValue
{
    public const string EnvPrefix = "env:";

    public static bool IsReference(string? value) => value is not null && value.StartsWith(EnvPrefix, StringComparison.Ordinal);

    /// <summary>Resolves <paramref name="value"/>; throws <see cref="ConfigurationException"/> naming the field and the variable when unset.</summary>
    public static string Resolve(string? value, string field, string? file = null)
    {
        if (string.IsNullOrEmpty(value)) throw new ConfigurationException("a secret is required", file, field);
        if (!IsReference(value)) return value;
        var name = value[EnvPrefix.Length..];
        var resolved = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(resolved))
            throw new ConfigurationException($"environment variable {name} is not set", file, field);
        return resolved;
    }
}
