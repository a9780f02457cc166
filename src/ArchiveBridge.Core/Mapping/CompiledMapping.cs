using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// A mapping file compiled to delegates by <see cref="MappingLoader"/>. Immutable and thread-safe: one
/// instance maps every record of a connector, in parallel if the pipeline wants, without parsing anything.
/// </summary>
public sealed class CompiledMapping : IRecordMapper
{
    private readonly CompiledExpression? _key;
    private readonly CompiledExpression[] _scalars;
    private readonly MappedValues.Layout _layout;
    private readonly CompiledExpression? _keywords;
    private readonly AttachmentMapper? _attachments;

    internal CompiledMapping(string name, string? file, string? system, CompiledExpression? key,
        IReadOnlyList<(string Target, CompiledExpression Expression)> scalars, CompiledExpression? keywords, AttachmentMapper? attachments)
    {
        Name = name;
        File = file;
        System = system;
        _key = key;
        _scalars = scalars.Select(s => s.Expression).ToArray();
        _layout = new MappedValues.Layout(scalars.Select(s => s.Target).ToArray());
        _keywords = keywords;
        _attachments = attachments;
    }

    public string Name { get; }

    public string? File { get; }

    /// <summary>The source system's name (<c>system</c> in the file), for the record's source block; null when not given.</summary>
    public string? System { get; }

    /// <summary>The scalar targets this mapping writes, in file order (<c>category</c> first when set at the top).</summary>
    public IReadOnlyList<string> Targets => _layout.Targets;

    /// <summary>
    /// Maps one record. The first problem wins (key, then fields in file order, then keywords, then
    /// attachments). A record the connector already flagged keeps the connector's problem.
    /// </summary>
    public MappingResult Map(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Problem is not null) return MappingResult.Failed(record.Problem);
        try
        {
            return MapFields(record);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Delegates are total for any text; this guards against a SourceFields implementation failing.
            return MappingResult.Failed(new RecordProblem(ReasonCodes.MappingError, $"mapping '{Name}' failed: {e.Message}")
            {
                MessageZh = $"映射 {Name} 执行失败：{e.Message}",
            });
        }
    }

    private MappingResult MapFields(SourceRecord record)
    {
        var fields = record.Fields;
        RecordProblem? problem = null;

        string? key;
        if (_key is null) key = record.SourceKey;
        else
        {
            key = _key.Evaluate(fields, ref problem).AsText();
            if (problem is not null) return MappingResult.Failed(problem);
        }
        if (string.IsNullOrWhiteSpace(key)) return MappingResult.Failed(MappingProblems.EmptyKey(_key?.Syntax.Text));

        var values = new string?[_scalars.Length];
        for (var i = 0; i < _scalars.Length; i++)
        {
            values[i] = _scalars[i].Evaluate(fields, ref problem).AsText();
            if (problem is not null) return MappingResult.Failed(problem);
        }

        IReadOnlyList<string> keywords = [];
        if (_keywords is not null)
        {
            var value = _keywords.Evaluate(fields, ref problem);
            if (problem is not null) return MappingResult.Failed(problem);
            keywords = value.Items ?? (value.IsEmpty ? [] : [value.Text!]);
        }

        IReadOnlyList<AttachmentReference> attachments = [];
        if (_attachments is not null)
        {
            attachments = _attachments.Map(fields, ref problem);
            if (problem is not null) return MappingResult.Failed(problem);
        }

        return new MappingResult
        {
            Key = key,
            Values = new MappedValues(_layout, values),
            Keywords = keywords,
            Attachments = attachments,
        };
    }

    public override string ToString() => File is null ? $"mapping '{Name}'" : $"mapping '{Name}' ({File})";
}
