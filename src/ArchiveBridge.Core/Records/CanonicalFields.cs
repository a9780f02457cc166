namespace ArchiveBridge.Core.Records;

/// <summary>
/// The canonical field names a mapping may target, with how each is set from a mapped text value.
/// One table shared by the mapping compiler (to reject unknown targets), validation and reports.
/// </summary>
public static class CanonicalFields
{
    public const string Fonds = "fonds";
    public const string FondsUnit = "fondsUnit";
    public const string Category = "category";
    public const string Year = "year";
    public const string Retention = "retention";
    public const string Org = "org";
    public const string Title = "title";
    public const string DocNumber = "docNumber";
    public const string Responsible = "responsible";
    public const string Date = "date";
    public const string Security = "security";
    public const string Pages = "pages";
    public const string DocType = "docType";
    public const string Keywords = "keywords";
    public const string Notes = "notes";
    public const string ExtraPrefix = "extra.";

    /// <summary>Targets that take one text value; <c>year</c> and <c>pages</c> are checked as integers by validation.</summary>
    public static readonly IReadOnlyList<string> Scalar =
    [
        Fonds, FondsUnit, Category, Year, Retention, Org, Title, DocNumber, Responsible, Date, Security, Pages, DocType, Notes,
    ];

    /// <summary>True when <paramref name="target"/> is a field a mapping may write.</summary>
    public static bool IsKnown(string target) =>
        target == Keywords || Scalar.Contains(target) || (target.StartsWith(ExtraPrefix, StringComparison.Ordinal) && target.Length > ExtraPrefix.Length);
}
