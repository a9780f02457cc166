namespace ArchiveBridge.Core.Sources;

/// <summary>
/// A parsed path into source fields: <c>文号</c>, <c>author.name</c>, <c>files[*].url</c>, <c>items[0]</c>.
/// Parsed once when a mapping compiles; evaluated per record without parsing.
/// </summary>
public sealed class FieldPath
{
    private FieldPath(string text, FieldPathSegment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }
    public IReadOnlyList<FieldPathSegment> Segments { get; }
    public bool IsSimple => Segments.Count == 1 && Segments[0].Index is null && !Segments[0].Wildcard;

    /// <summary>Parses a path; a name may hold any character but <c>.</c> and <c>[</c> (CJK allowed).</summary>
    public static FieldPath Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var segments = new List<FieldPathSegment>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                if (part.Length == 0) throw new FormatException($"empty segment in path '{text}'");
                segments.Add(new FieldPathSegment(part, null, false));
                continue;
            }
            var name = part[..bracket];
            var rest = part[bracket..];
            if (!rest.EndsWith(']')) throw new FormatException($"unclosed '[' in path '{text}'");
            var inner = rest[1..^1];
            if (name.Length == 0) throw new FormatException($"'[' without a field name in path '{text}'");
            if (inner == "*") segments.Add(new FieldPathSegment(name, null, true));
            else if (int.TryParse(inner, out var index) && index >= 0) segments.Add(new FieldPathSegment(name, index, false));
            else throw new FormatException($"bad index '[{inner}]' in path '{text}' (use [*] or a number)");
        }
        return new FieldPath(text, [.. segments]);
    }

    public override string ToString() => Text;
}

/// <summary>One step of a <see cref="FieldPath"/>: a property name, optionally indexed or with <c>[*]</c>.</summary>
public sealed record FieldPathSegment(string Name, int? Index, bool Wildcard);
