using ArchiveBridge.Core.Records;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Core.Checks;

/// <summary>Fails at startup on an unknown check id, level, format or field, naming the key and value.</summary>
public sealed class CheckOptionsValidator : IValidateOptions<CheckOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        foreach (var (id, level) in options.Levels)
        {
            if (CheckCatalog.Find(id) is null)
                failures.Add($"checks.levels: unknown check '{id}'; known: {string.Join(", ", CheckCatalog.All.Select(d => d.Id))}");
            else if (!Enum.IsDefined(level))
                failures.Add($"checks.levels.{id}: unknown level '{level}'; use block, warn or off");
        }

        foreach (var format in options.AllowedFormats ?? [])
        {
            if (!FileFormat.TryGet(format, out _))
                failures.Add($"checks.allowedFormats: unknown format '{format}'; known: {string.Join(", ", FileFormat.All.Select(f => f.Id))}");
        }

        foreach (var field in options.RequiredFields ?? [])
            CheckField("checks.requiredFields", field, failures);
        foreach (var (category, fields) in options.RequiredFieldsByCategory)
            foreach (var field in fields)
                CheckField($"checks.requiredFieldsByCategory.{category}", field, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckField(string key, string field, List<string> failures)
    {
        if (!CanonicalFields.IsKnown(field))
            failures.Add($"{key}: unknown field '{field}'; use a canonical field such as {CanonicalFields.Title} or an extra.* name");
    }
}
