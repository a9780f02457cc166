using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>A parsed expression: a source and the <c>| function(args)</c> steps applied to it, in order.</summary>
internal sealed record ExpressionSyntax(string Text, SourceSyntax Source, IReadOnlyList<StepSyntax> Steps);

/// <summary>Where an expression's value starts. <see cref="Position"/> is the 0-based column in the expression.</summary>
internal abstract record SourceSyntax(int Position);

/// <summary>
/// A field name or path: <c>文号</c>, <c>author.name</c>, <c>files[*].url</c>. A name in backticks
/// (<c>`金额[元]`</c>, <c>`No.`</c>) is taken whole, for headers that contain <c>.</c> or <c>[</c>;
/// then <see cref="Path"/> is null.
/// </summary>
internal sealed record FieldSyntax(string Name, FieldPath? Path, int Position) : SourceSyntax(Position)
{
    public bool HasWildcard => Path is not null && Path.Segments.Any(s => s.Wildcard);
}

/// <summary>A quoted constant: <c>'公开'</c>.</summary>
internal sealed record LiteralSyntax(string Text, int Position) : SourceSyntax(Position);

/// <summary>Text with <c>{field}</c> parts: <c>{员工编号}-{文号}</c>.</summary>
internal sealed record TemplateSyntax(string Text, IReadOnlyList<TemplatePartSyntax> Parts, int Position) : SourceSyntax(Position);

/// <summary>Either literal text or a field (exactly one is set).</summary>
internal sealed record TemplatePartSyntax(string? Literal, FieldSyntax? Field, int Position);

/// <summary>One <c>| name(args)</c> step; <see cref="Position"/> points at the name.</summary>
internal sealed record StepSyntax(string Name, int Position, IReadOnlyList<ArgumentSyntax> Arguments);

internal enum ArgumentKind
{
    /// <summary>A quoted text: <c>'yyyy-MM-dd'</c>.</summary>
    Text,

    /// <summary>A whole number: <c>4</c>, <c>-1</c>.</summary>
    Integer,

    /// <summary>A bare word: <c>retention</c> in <c>lookup(retention)</c>.</summary>
    Name,
}

internal sealed record ArgumentSyntax(ArgumentKind Kind, string Text, int Position)
{
    public int IntegerValue => int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);
}
