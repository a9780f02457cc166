using System.Text.RegularExpressions;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// The first of two locks on SQL identifiers: a name must be letters (CJK included), digits and underscores.
/// The second lock is the schema check (<see cref="SchemaBinder"/>): only names the database itself reports
/// are ever written into SQL, and always quoted.
/// </summary>
internal static partial class SqlIdentifier
{
    public const string Rule = "letters, digits and '_' only, not starting with a digit, at most 63 characters";

    // \z, not $: "$" would accept a trailing newline.
    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A table name as configured: <c>archive_outbox</c> or <c>erp.archive_outbox</c>.</summary>
internal sealed record TableName(string? Schema, string Name)
{
    public static bool TryParse(string? text, out TableName table)
    {
        table = new TableName(null, "");
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text.Split('.');
        if (parts.Length > 2 || !parts.All(SqlIdentifier.IsValid)) return false;
        table = parts.Length == 2 ? new TableName(parts[0], parts[1]) : new TableName(null, parts[0]);
        return true;
    }

    public string Quoted => Schema is null ? SqlIdentifier.Quote(Name) : $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(Name)}";

    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
