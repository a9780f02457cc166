using System.Text;

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
        if (raw.Contains('{') || raw.Contains('}')) return TemplateParser.Parse(raw, start);
        return TemplateParser.ParseField(raw, start);
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
}
