using System.Runtime.CompilerServices;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>
/// Fills a <c>{template}</c> with the trimmed text of each field part. For the record key every part must be present (an empty part would make keys
/// of different records collide), so a template built for a key fails with missing_field instead.
/// </summary>
internal sealed class TemplateReader
{
    private readonly TemplateSyntax _syntax;
    private readonly string?[] _literals;
    private readonly FieldReader?[] _fields;
    private readonly int _literalLength;
    private readonly int _fieldCount;
    private readonly string? _failOnEmptyPart;

    /// <param name="failOnEmptyPart">The target reported when a part is empty, or null to allow empty parts.</param>
    public TemplateReader(TemplateSyntax syntax, string? failOnEmptyPart)
    {
        _syntax = syntax;
        _failOnEmptyPart = failOnEmptyPart;
        _literals = new string?[syntax.Parts.Count];
        _fields = new FieldReader?[syntax.Parts.Count];
        for (var i = 0; i < syntax.Parts.Count; i++)
        {
            var part = syntax.Parts[i];
            if (part.Field is null)
            {
                _literals[i] = part.Literal;
                _literalLength += part.Literal!.Length;
            }
            else
            {
                _fields[i] = new FieldReader(part.Field);
                _fieldCount++;
            }
        }
    }

    public MappedValue Read(SourceFields fields, ref RecordProblem? problem)
    {
        var text = new DefaultInterpolatedStringHandler(_literalLength, _fieldCount);
        for (var i = 0; i < _literals.Length; i++)
        {
            if (_fields[i] is not { } field)
            {
                text.AppendLiteral(_literals[i]!);
                continue;
            }
            // Parts are trimmed: padded CSV cells must not change a key, and a blank part is an empty part.
            var value = field.ReadText(fields)?.Trim();
            if (string.IsNullOrEmpty(value) && _failOnEmptyPart is not null)
            {
                text.ToStringAndClear(); // returns the pooled buffer
                problem = MappingProblems.EmptyTemplatePart(_failOnEmptyPart, _syntax.Parts[i].Field!.Name, _syntax.Text);
                return MappedValue.Empty;
            }
            text.AppendLiteral(value ?? string.Empty);
        }
        return MappedValue.Of(text.ToStringAndClear());
    }
}
