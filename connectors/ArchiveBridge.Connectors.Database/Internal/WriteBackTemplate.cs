using System.Text;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// One <c>writeBack.set</c> value: a literal (<c>ARCHIVED</c>) or a template with <c>{now}</c>,
/// <c>{archivalCode}</c>, <c>{recordId}</c>, <c>{key}</c>. Parsed once; rendered per acknowledged row.
/// </summary>
internal sealed class WriteBackTemplate
{
    private readonly List<(string? Literal, string? Placeholder)> _parts;

    private WriteBackTemplate(string text, List<(string?, string?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>No placeholders: the same value for every row, so "already marked" is an equality test.</summary>
    public bool IsLiteral => _parts.All(p => p.Placeholder is null);

    /// <summary>Uses <c>{now}</c>: a row counts as marked once the column is not null, so re-acknowledging keeps the first time.</summary>
    public bool UsesNow => _parts.Any(p => p.Placeholder == "now");

    public static WriteBackTemplate Parse(string text, out string? error)
    {
        error = null;
        var parts = new List<(string?, string?)>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0) { parts.Add((text[i..], null)); break; }
            if (open > i) parts.Add((text[i..open], null));
            var close = text.IndexOf('}', open + 1);
            if (close < 0) { error = $"unclosed '{{' in '{text}'"; break; }
            var name = text[(open + 1)..close];
            var known = DatabaseConnectorConstants.WriteBackPlaceholders.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                error = $"unknown placeholder '{{{name}}}' in '{text}'; use {string.Join(", ", DatabaseConnectorConstants.WriteBackPlaceholders.Select(p => "{" + p + "}"))} or a literal";
                break;
            }
            parts.Add((null, known));
            i = close + 1;
        }
        if (parts.Count == 0) parts.Add(("", null));
        return new WriteBackTemplate(text, parts);
    }

    /// <summary>The value for one row; a template that is exactly one placeholder with no value renders as null (SQL NULL).</summary>
    public string? Render(IReadOnlyDictionary<string, string?> values)
    {
        if (_parts.Count == 1 && _parts[0].Placeholder is { } only) return values.GetValueOrDefault(only);
        var text = new StringBuilder();
        foreach (var (literal, placeholder) in _parts)
            text.Append(literal ?? values.GetValueOrDefault(placeholder!));
        return text.ToString();
    }
}
