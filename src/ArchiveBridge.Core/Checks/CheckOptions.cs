using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Settings of the ingest checks (bound from the <c>checks</c> section). Lists are null until configured so
/// that binding replaces the defaults instead of appending to them.
/// </summary>
public sealed class CheckOptions
{
    /// <summary>DA/T 70-2018's usual archival formats.</summary>
    public static IReadOnlyList<string> DefaultAllowedFormats { get; } =
        ["PDF", "OFD", "DOCX", "XLSX", "JPEG", "PNG", "TIFF", "TXT", "XML"];

    /// <summary>题名, 日期, 保管期限, 全宗号, 门类, 年度.</summary>
    public static IReadOnlyList<string> DefaultRequiredFields { get; } =
    [
        CanonicalFields.Title, CanonicalFields.Date, CanonicalFields.Retention,
        CanonicalFields.Fonds, CanonicalFields.Category, CanonicalFields.Year,
    ];

    /// <summary>Level per <see cref="CheckId"/> (<c>"block"</c>, <c>"warn"</c>, <c>"off"</c>); unlisted checks keep their default.</summary>
    public Dictionary<string, CheckLevel> Levels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="FileFormat.Id"/>s the archive accepts; null means <see cref="DefaultAllowedFormats"/>.</summary>
    public List<string>? AllowedFormats { get; set; }

    /// <summary>Canonical fields every record needs; null means <see cref="DefaultRequiredFields"/>.</summary>
    public List<string>? RequiredFields { get; set; }

    /// <summary>Fields a category (门类代码) needs on top of <see cref="RequiredFields"/>, e.g. <c>"KU": ["docNumber"]</c>.</summary>
    public Dictionary<string, List<string>> RequiredFieldsByCategory { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The level of <paramref name="checkId"/>: configured, else the catalog default.</summary>
    public CheckLevel LevelOf(string checkId)
    {
        ArgumentNullException.ThrowIfNull(checkId);
        return Levels.TryGetValue(checkId, out var level) ? level : CheckCatalog.Get(checkId).DefaultLevel;
    }

    /// <summary>True when <paramref name="formatId"/> is in the allowed list (case-insensitive).</summary>
    public bool IsFormatAllowed(string formatId) =>
        (AllowedFormats ?? DefaultAllowedFormats).Contains(formatId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The fields required of a record in <paramref name="category"/>, without duplicates.</summary>
    public IReadOnlyList<string> RequiredFieldsFor(string? category)
    {
        IEnumerable<string> fields = RequiredFields ?? DefaultRequiredFields;
        if (category is not null && RequiredFieldsByCategory.TryGetValue(category, out var extra))
            fields = fields.Concat(extra);
        return [.. fields.Distinct(StringComparer.Ordinal)];
    }
}
