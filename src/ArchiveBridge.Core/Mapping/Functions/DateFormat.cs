namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>
/// A date format of the mapping language, compiled once to tokens and matched without allocating:
/// <c>yyyy</c> year, <c>M</c>/<c>MM</c> month, <c>d</c>/<c>dd</c> day, optional <c>H</c>/<c>HH</c>,
/// <c>m</c>/<c>mm</c>, <c>s</c>/<c>ss</c>, <c>f…</c> (checked, then dropped); every other character is
/// literal (<c>年</c>, <c>/</c>, <c>T</c> …). Digits may be full-width (２０２４年３月５日).
/// The keyword <c>iso</c> takes an ISO 8601 date or date-time; its date is kept as written, with no
/// time-zone conversion, because the archive records the date the document bears.
/// </summary>
internal sealed class DateFormat
{
    public const string Iso = "iso";

    private readonly Token[]? _tokens;

    private DateFormat(string text, Token[]? tokens)
    {
        Text = text;
        _tokens = tokens;
    }

    public string Text { get; }

    /// <summary>Compiles <paramref name="format"/>; on a mistake returns null and says what is wrong.</summary>
    public static DateFormat? Create(string format, out string? error)
    {
        error = null;
        if (format == Iso) return new DateFormat(format, null);
        var tokens = new List<Token>();
        var seen = new HashSet<TokenKind>();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c) run++;
            if (!char.IsAsciiLetter(c) || c is 'T' or 'Z')
            {
                tokens.Add(new Token(TokenKind.Literal, c, 0, 0));
                i++;
                continue;
            }
            var pattern = format.Substring(i, run);
            var token = (c, run) switch
            {
                ('y', 4) => new Token(TokenKind.Year, c, 4, 4),
                ('M', 1 or 2) or ('d', 1 or 2) or ('H', 1 or 2) or ('m', 1 or 2) or ('s', 1 or 2)
                    => new Token(KindOf(c), c, run, 2),
                ('f', <= 7) => new Token(TokenKind.Fraction, c, run, run),
                _ => (Token?)null,
            };
            if (token is null)
            {
                error = (c, run) switch
                {
                    ('y', 2) => "two-digit year 'yy' is ambiguous: use 'yyyy'",
                    ('y', _) => $"'{pattern}' is not a year pattern: use 'yyyy'",
                    ('M', _) => $"month names ('{pattern}') are not supported: use 'M' or 'MM'",
                    ('d', _) => $"day names ('{pattern}') are not supported: use 'd' or 'dd'",
                    ('h', _) => "12-hour 'h' is not supported: use 'H' or 'HH'",
                    _ => $"unknown pattern '{pattern}' (use yyyy, M, MM, d, dd, H, HH, m, mm, s, ss, f)",
                };
                return null;
            }
            if (!seen.Add(token.Value.Kind))
            {
                error = $"'{pattern}' appears twice";
                return null;
            }
            tokens.Add(token.Value);
            i += run;
        }
        if (!seen.Contains(TokenKind.Year) || !seen.Contains(TokenKind.Month) || !seen.Contains(TokenKind.Day))
        {
            error = "a date format needs a year (yyyy), a month (M or MM) and a day (d or dd)";
            return null;
        }
        return new DateFormat(format, [.. tokens]);
    }

    public bool TryParse(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        if (_tokens is null) return IsoDate.TryParse(text, out year, out month, out day);
        year = month = day = 0;
        var pos = 0;
        foreach (var token in _tokens)
        {
            if (token.Kind == TokenKind.Literal)
            {
                if (pos >= text.Length || text[pos] != token.Literal) return false;
                pos++;
                continue;
            }
            if (!Digits.TryRead(text, ref pos, token.MinDigits, token.MaxDigits, out var value)) return false;
            switch (token.Kind)
            {
                case TokenKind.Year: year = value; break;
                case TokenKind.Month: month = value; break;
                case TokenKind.Day: day = value; break;
                case TokenKind.Hour when value > 23: return false;
                case TokenKind.Minute or TokenKind.Second when value > 59: return false;
            }
        }
        return pos == text.Length && Digits.IsValidDate(year, month, day);
    }

    public override string ToString() => Text;

    private static TokenKind KindOf(char c) => c switch
    {
        'M' => TokenKind.Month,
        'd' => TokenKind.Day,
        'H' => TokenKind.Hour,
        'm' => TokenKind.Minute,
        _ => TokenKind.Second,
    };

    private enum TokenKind : byte { Literal, Year, Month, Day, Hour, Minute, Second, Fraction }

    private readonly record struct Token(TokenKind Kind, char Literal, int MinDigits, int MaxDigits);
}
