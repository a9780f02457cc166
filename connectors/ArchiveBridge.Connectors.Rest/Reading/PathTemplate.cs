using System.Text;
using System.Text.Json;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>A path with item fields in braces, <c>/documents/{id}</c> or <c>/units/{dept.code}/docs/{id}</c>, parsed once.</summary>
internal sealed class PathTemplate
{
    private readonly List<(string Literal, FieldPath? Field)> _parts = [];

    public PathTemplate(string template)
    {
        Text = template;
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                _parts.Add((template[at..], null));
                break;
            }
            var close = template.IndexOf('}', open);
            if (close < 0) throw new FormatException($"unclosed '{{' in '{template}'");
            if (open > at) _parts.Add((template[at..open], null));
            _parts.Add(("", FieldPath.Parse(template[(open + 1)..close])));
            at = close + 1;
        }
    }

    public string Text { get; }

    /// <summary>
    /// Fills the template from <paramref name="item"/>; null with the field's name when a field is empty.
    /// Values are escaped when <paramref name="escape"/> (for a URL shown or stored), raw for Refit, which escapes itself.
    /// </summary>
    public string? Fill(JsonElement item, bool escape, out string? missing)
    {
        var text = new StringBuilder();
        foreach (var (literal, field) in _parts)
        {
            if (field is null)
            {
                text.Append(literal);
                continue;
            }
            if (JsonNavigator.Text(item, field) is not { } value)
            {
                missing = field.Text;
                return null;
            }
            text.Append(escape ? Uri.EscapeDataString(value) : value);
        }
        missing = null;
        return text.ToString();
    }
}
