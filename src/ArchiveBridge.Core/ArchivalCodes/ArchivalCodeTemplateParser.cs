using System.Text;

namespace ArchiveBridge.Core.ArchivalCodes;

/// <summary>One <c>{part}</c> of a template with the literal text between it and the part before it.</summary>
internal sealed record ArchivalCodeSegment(ArchivalCodePart Part, string Separator, string? Format);

/// <summary>The parsed shape of a template: literal prefix, parts with their separators, literal suffix.</summary>
internal sealed record ArchivalCodeLayout(string Prefix, IReadOnlyList<ArchivalCodeSegment> Segments, string Suffix);

/// <summary>
/// Reads a template such as <c>{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}</c>, collecting every
/// problem (not just the first) so a config lint can show them all at once.
/// </summary>
internal static class ArchivalCodeTemplateParser
{
    private static readonly Dictionary<string, ArchivalCodePart> PartNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fonds"] = ArchivalCodePart.Fonds,
        ["category"] = ArchivalCodePart.Category,
        ["year"] = ArchivalCodePart.Year,
        ["retention"] = ArchivalCodePart.Retention,
        ["org"] = ArchivalCodePart.Org,
        ["itemNo"] = ArchivalCodePart.ItemNo,
    };

    private const string KnownParts = "fonds, category, year, retention, org, itemNo";

    public static ArchivalCodeLayout Parse(string template, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            problems.Add("the template is empty; it needs at least {itemNo}");
            return new ArchivalCodeLayout("", [], "");
        }

        var segments = new List<ArchivalCodeSegment>();
        var literal = new StringBuilder();
        var prefix = "";
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}')
            {
                problems.Add($"'}}' at position {i + 1} has no matching '{{'");
                i++;
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            var nextOpen = template.IndexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add($"'{{' at position {i + 1} is never closed");
                i++;
                continue;
            }

            var position = i + 1;
            var body = template[(i + 1)..close];
            i = close + 1;
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? body : body[..colon]).Trim();
            var format = colon < 0 ? null : body[(colon + 1)..].Trim();
            if (!PartNames.TryGetValue(name, out var part))
            {
                problems.Add($"unknown part '{{{name}}}' at position {position}; known parts: {KnownParts}");
                continue;
            }
            if (segments.Exists(s => s.Part == part))
                problems.Add($"part '{{{name}}}' at position {position} appears twice");
            CheckFormat(name, part, format, position, problems);

            var separator = literal.ToString();
            literal.Clear();
            if (segments.Count == 0)
                prefix = separator;
            else if (separator.Length == 0)
                problems.Add($"parts '{{{segments[^1].Part.ToName()}}}' and '{{{name}}}' have no separator between them, so codes could not be read back");
            segments.Add(new ArchivalCodeSegment(part, segments.Count == 0 ? "" : separator, format));
        }

        if (!segments.Exists(s => s.Part == ArchivalCodePart.ItemNo))
            problems.Add("the template has no {itemNo}, so codes would not be unique");
        return new ArchivalCodeLayout(prefix, segments, literal.ToString());
    }

    private static void CheckFormat(string name, ArchivalCodePart part, string? format, int position, List<string> problems)
    {
        if (format is null)
            return;
        if (part is not (ArchivalCodePart.Year or ArchivalCodePart.ItemNo))
            problems.Add($"part '{{{name}}}' at position {position} takes no format ('{format}'); only year and itemNo do");
        else if (format.Length == 0 || format.Any(ch => ch != '0'))
            problems.Add($"format '{format}' of '{{{name}}}' at position {position} must be zeros giving the padded width, such as 0000");
    }

    /// <summary>The name a template writes for <paramref name="part"/>.</summary>
    public static string ToName(this ArchivalCodePart part) => part switch
    {
        ArchivalCodePart.ItemNo => "itemNo",
        _ => part.ToString().ToLowerInvariant(),
    };
}
