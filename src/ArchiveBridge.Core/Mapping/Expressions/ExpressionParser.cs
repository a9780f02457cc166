using System.Text;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>
/// Parses the expression language: <c>source ( '|' name [ '(' arg, … ')' ] )*</c>. A source is a
/// <c>'literal'</c>, a <c>{template}</c> (any source containing a brace) or a field path. Runs once per
/// mapping, never per record.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on a syntax error returns null and says where.</summary>
    public static ExpressionSyntax? Parse(string text, out SyntaxError? error)
    {
        var parser = new ExpressionParser(text);
        try
        {
            error = null;
            return parser.ParseExpression();
        }
        catch (SyntaxErrorException e)
        {
            error = new SyntaxError(e.Position, e.Message);
            return null;
        }
    }

    private ExpressionSyntax ParseExpression()
    {
        SkipSpace();
        if (AtEnd) throw Error(0, "empty expression");
        var source = ParseSource();
        var steps = new List<StepSyntax>();
        while (true)
        {
            SkipSpace();
            if (AtEnd) break;
            if (_text[_pos] != '|') throw Error(_pos, $"expected '|' before '{_text[_pos..]}'");
            _pos++;
            steps.Add(ParseStep());
        }
        return new ExpressionSyntax(_text, source, steps);
    }

    private SourceSyntax ParseSource()
    {
        var start = _pos;
        if (_text[_pos] == '\'') return new LiteralSyntax(ReadQuoted(), start);

        // A source runs to the first '|' outside braces: templates may hold spaces, paths may hold CJK.
        var depth = 0;
        while (!AtEnd && (_text[_pos] != '|' || depth > 0))
        {
            if (_text[_pos] == '{') depth++;
            else if (_text[_pos] == '}' && depth > 0) depth--;
            _pos++;
        }
        var raw = _text[start.._pos].TrimEnd();
        if (raw.Contains('{') || raw.Contains('}')) return ParseTemplate(raw, start);
        return ParseField(raw, start);
    }

    private static TemplateSyntax ParseTemplate(string raw, int offset)
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
            if (c == '}') throw Error(offset + i, "unmatched '}' in template (write '}}' for a literal brace)");
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }
            var close = raw.IndexOf('}', i + 1);
            var nested = raw.IndexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close)) throw Error(offset + i, "unclosed '{' in template");
            var inner = raw[(i + 1)..close];
            var name = inner.Trim();
            if (name.Length == 0) throw Error(offset + i, "empty '{}' in template: name a field inside the braces");
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

    private static FieldSyntax ParseField(string text, int position)
    {
        if (text.StartsWith('`'))
        {
            if (text.Length < 3 || !text.EndsWith('`') || text.AsSpan(1, text.Length - 2).Contains('`'))
                throw Error(position, "a quoted field name must be one `name` in backticks");
            return new FieldSyntax(text[1..^1], null, position);
        }
        try
        {
            return new FieldSyntax(text, FieldPath.Parse(text), position);
        }
        catch (FormatException e)
        {
            throw Error(position, e.Message);
        }
    }

    private StepSyntax ParseStep()
    {
        SkipSpace();
        var start = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        if (_pos == start) throw Error(start, AtEnd ? "expected a function name after '|'" : $"expected a function name after '|', found '{_text[start]}'");
        var name = _text[start.._pos];
        SkipSpace();
        var arguments = new List<ArgumentSyntax>();
        if (AtEnd || _text[_pos] != '(') return new StepSyntax(name, start, arguments);
        var open = _pos++;
        SkipSpace();
        if (!AtEnd && _text[_pos] == ')')
        {
            _pos++;
            return new StepSyntax(name, start, arguments);
        }
        while (true)
        {
            SkipSpace();
            if (AtEnd) throw Error(open, $"unclosed '(' after {name}");
            arguments.Add(ParseArgument());
            SkipSpace();
            if (AtEnd) throw Error(open, $"unclosed '(' after {name}");
            if (_text[_pos] == ')')
            {
                _pos++;
                return new StepSyntax(name, start, arguments);
            }
            if (_text[_pos] != ',') throw Error(_pos, $"expected ',' or ')' in the arguments of {name}, found '{_text[_pos]}'");
            _pos++;
        }
    }

    private ArgumentSyntax ParseArgument()
    {
        var start = _pos;
        var c = _text[_pos];
        if (c == '\'') return new ArgumentSyntax(ArgumentKind.Text, ReadQuoted(), start);
        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            _pos++;
            while (!AtEnd && char.IsAsciiDigit(_text[_pos])) _pos++;
            if (!int.TryParse(_text.AsSpan(start, _pos - start), System.Globalization.CultureInfo.InvariantCulture, out _))
                throw Error(start, $"number '{_text[start.._pos]}' is too large");
            return new ArgumentSyntax(ArgumentKind.Integer, _text[start.._pos], start);
        }
        while (!AtEnd && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not (',' or ')' or '(' or '|' or '\'')) _pos++;
        if (_pos == start) throw Error(start, $"expected an argument, found '{c}'");
        return new ArgumentSyntax(ArgumentKind.Name, _text[start.._pos], start);
    }

    /// <summary>Reads <c>'…'</c> where <c>''</c> stands for one quote.</summary>
    private string ReadQuoted()
    {
        var open = _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw Error(open, "unclosed quote (write '' for a quote inside a literal)");
            var c = _text[_pos++];
            if (c != '\'')
            {
                builder.Append(c);
                continue;
            }
            if (!AtEnd && _text[_pos] == '\'')
            {
                builder.Append('\'');
                _pos++;
                continue;
            }
            return builder.ToString();
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private static SyntaxErrorException Error(int position, string message) => new(position, message);

    private sealed class SyntaxErrorException(int position, string message) : Exception(message)
    {
        public int Position { get; } = position;
    }
}

/// <summary>A syntax error at a 0-based column of the expression.</summary>
internal sealed record SyntaxError(int Position, string Message);
