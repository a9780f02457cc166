using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>
/// Catches, at <c>check</c> time, values that would quarantine every record later: a lookup table, a
/// <c>default</c> or a literal feeding <c>retention</c>, <c>security</c> or <c>category</c> with a value
/// outside the configured vocabulary.
/// </summary>
internal sealed class VocabularyCheck(VocabularyOptions vocabularies, IReadOnlyDictionary<string, LookupTable> lookups, DiagnosticBag diagnostics)
{
    private readonly HashSet<(string Table, string Target)> _checked = [];

    public static bool Applies(string target) =>
        target is CanonicalFields.Retention or CanonicalFields.Security or CanonicalFields.Category;

    /// <summary>
    /// Walks the steps backwards from the target: trim and required pass values through, default adds its
    /// value, a lookup's values are all candidates; any other step makes the final value unknowable here.
    /// </summary>
    public void Check(string target, ExpressionSyntax expression, string field, int line)
    {
        var allowed = Allowed(target);
        for (var i = expression.Steps.Count - 1; i >= 0; i--)
        {
            var step = expression.Steps[i];
            switch (step.Name)
            {
                case "trim" or "required":
                    continue;
                case "default" when step.Arguments.Count == 1:
                    var value = step.Arguments[0].Text;
                    if (!allowed.Contains(value))
                        diagnostics.Add(line, field, Outside(target, $"default '{value}'", allowed), step.Arguments[0].Position);
                    continue;
                case "lookup" when step.Arguments.Count == 1 && lookups.TryGetValue(step.Arguments[0].Text, out var table):
                    CheckTable(target, table, field, allowed);
                    return;
                default:
                    return;
            }
        }
        if (expression.Source is LiteralSyntax literal && !allowed.Contains(literal.Text))
            diagnostics.Add(line, field, Outside(target, $"'{literal.Text}'", allowed), expression.Text.StartsWith('\'') ? literal.Position : null);
    }

    private void CheckTable(string target, LookupTable table, string field, IReadOnlyList<string> allowed)
    {
        if (!_checked.Add((table.Name, target))) return;
        foreach (var (from, to, entryLine) in table.EntryList)
        {
            if (!allowed.Contains(to))
                diagnostics.Add(entryLine, $"lookups.{table.Name}", Outside(target, $"'{to}' (for '{from}')", allowed, $"; the table feeds {field}"));
        }
    }

    private IReadOnlyList<string> Allowed(string target) => target switch
    {
        CanonicalFields.Retention => vocabularies.EffectiveRetention,
        CanonicalFields.Security => vocabularies.EffectiveSecurity,
        _ => vocabularies.EffectiveCategory,
    };

    private static ErrorText Outside(string target, string what, IReadOnlyList<string> allowed, string? more = null) =>
        new($"{what} is not in the {target} vocabulary", $" (allowed: {string.Join(", ", allowed)}){more}");
}
