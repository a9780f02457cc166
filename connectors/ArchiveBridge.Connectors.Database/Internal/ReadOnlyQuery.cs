using System.Text;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Accepts one read-only <c>SELECT</c> (or <c>WITH … SELECT</c>) and nothing else. Literals, quoted names and
/// comments are skipped so that <c>summary = 'DELETE'</c> passes; where the scan is unsure it rejects.
/// It is the first lock: the read itself runs in a read-only transaction (PostgreSQL) or on a read-only
/// connection (SQLite), so even a side-effecting function cannot write.
/// </summary>
internal static class ReadOnlyQuery
{
    // Words that only appear in statements that write, lock or change the session: data-modifying CTEs,
    // SELECT … INTO (creates a table in PostgreSQL), FOR UPDATE/SHARE row locks.
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "DROP", "CREATE", "ALTER", "TRUNCATE", "GRANT", "REVOKE",
        "ATTACH", "DETACH", "PRAGMA", "VACUUM", "REINDEX", "COPY", "CALL", "EXEC", "EXECUTE", "INTO", "LOCK", "SHARE",
        "COMMIT", "ROLLBACK", "BEGIN", "SAVEPOINT", "NOTIFY", "LISTEN", "LOAD",
    };

    /// <summary>Returns null when <paramref name="sql"/> is acceptable (with <paramref name="normalized"/> set), else why not.</summary>
    public static string? Check(string sql, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(sql)) return "the query is empty";
        var words = new List<string>();
        var code = new StringBuilder(sql.Length);
        var lastSemicolon = -1;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-') { i = SkipTo(sql, i, "\n"); continue; }
            if (c == '/' && next == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) return "the query has an unclosed /* comment";
                i = end + 2;
                continue;
            }
            if (c is '\'' or '"')
            {
                // PostgreSQL E'…' strings take backslash escapes; standard strings do not.
                var escapes = c == '\'' && i > 0 && sql[i - 1] is 'E' or 'e' && (i < 2 || !IsWordChar(sql[i - 2]));
                var end = SkipQuoted(sql, i, c, escapes);
                if (end < 0) return $"the query has an unclosed {c} quote";
                code.Append(' ');
                i = end;
                continue;
            }
            if (IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i])) i++;
                words.Add(sql[start..i]);
                code.Append(sql, start, i - start);
                continue;
            }
            if (c == ';') lastSemicolon = i;
            code.Append(c);
            i++;
        }

        var text = code.ToString().TrimEnd();
        if (text.EndsWith(';')) text = text[..^1];
        if (text.Contains(';', StringComparison.Ordinal)) return "the query holds more than one statement (';')";
        if (words.Count == 0 || !(words[0].Equals("SELECT", StringComparison.OrdinalIgnoreCase) || words[0].Equals("WITH", StringComparison.OrdinalIgnoreCase)))
            return "the query must start with SELECT or WITH";
        if (!words.Any(w => w.Equals("SELECT", StringComparison.OrdinalIgnoreCase))) return "the query has no SELECT";
        var bad = words.FirstOrDefault(Forbidden.Contains);
        if (bad is not null) return $"the query is not read-only: it uses {bad.ToUpperInvariant()}";

        // A trailing ';' (perhaps followed by a comment) would break the subquery the connector wraps around the query.
        normalized = code.ToString().TrimEnd().EndsWith(';') ? sql.Remove(lastSemicolon, 1) : sql;
        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int SkipTo(string sql, int from, string terminator)
    {
        var end = sql.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + terminator.Length;
    }

    /// <summary>Index after the closing quote (doubled quotes stay inside), or -1 when unclosed.</summary>
    private static int SkipQuoted(string sql, int open, char quote, bool backslashEscapes)
    {
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (backslashEscapes && sql[i] == '\\') { i++; continue; }
            if (sql[i] != quote) continue;
            if (i + 1 < sql.Length && sql[i + 1] == quote) { i++; continue; }
            return i + 1;
        }
        return -1;
    }
}
