using System.Text;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>
/// Parses <c>{template}</c> sources and field names. <c>{{</c> and <c>}}</c> stand for literal braces; a
/// part is a field path or a <c>`quoted name`</c>.
/// </summary>
internal static class TemplateParser
{
    public static TemplateSyntax Parse(string raw, int offset)
    {
        var parts = new List<TemplatePartSyntax>();
        var literal = new StringBuilder();
        var literalStart = offset;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '{' && i + 1 < raw.Length && raw[i + 1] == '{' || c == '}' && i + 1 < raw.Length && raw[i + 1] == '}')
            {
                literal.Append(c);
                i += 2;
                continue;
            }
            if (c == '}') throw new SyntaxErrorException(offset + i, "unmatched '}' in template (write '}}' for a literal brace)");
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }
            var close = raw.IndexOf('}', i + 1);
            var nested = raw.IndexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close)) throw new SyntaxErrorException(offset + i, "unclosed '{' in template");
            var inner = raw[(i + 1)..close];
            var name = inner.Trim();
            if (name.Length == 0) throw new SyntaxErrorException(offset + i, "empty '{}' in template: name a field inside the braces");
            if (literal.Length > 0)
            {
                parts.Add(new TemplatePartSyntax(literal.ToString(), null, literalStart));
                literal.Clear();
            }
            var nameStart = offset + i + 1 + (inner.Length - inner.TrimStart().Length);
            parts.Add(new TemplatePartSyntax(null, ParseField(name, nameStart), offset + i));
            i = close + 1;
            literalStart = offset + i;
        }
        if (literal.Length > 0) parts.Add(new TemplatePartSyntax(literal.ToString(), null, literalStart));
        return new TemplateSyntax(raw, parts, offset);
    }

    public static FieldSyntax ParseField(string text, int position)
    {
        if (text.StartsWith('`'))
        {
            if (text.Length < 3 || !text.EndsWith('`') || text.AsSpan(1, text.Length - 2).Contains('`'))
                throw new SyntaxErrorException(position, "a quoted field name must be one `name` in backticks");
            return new FieldSyntax(text[1..^1], null, position);
        }
        try
        {
            return new FieldSyntax(text, FieldPath.Parse(text), position);
        }
        catch (FormatException e)
        {
            throw new SyntaxErrorException(position, e.Message);
        }
    }
}
