using System.Buffers;
using System.Globalization;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// The mapping's <c>attachments</c>: either one expression giving paths or URLs, or a description of each
/// file (<c>each</c>, <c>url</c>, <c>name</c>, <c>sha256</c>, <c>size</c>, <c>mediaType</c>). Without
/// <c>each</c> the record itself describes its files, and list-valued parts pair up by position.
/// </summary>
internal sealed class AttachmentMapper
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly FieldPath? _each;
    private readonly CompiledExpression _url;
    private readonly CompiledExpression? _name;
    private readonly CompiledExpression? _sha256;
    private readonly CompiledExpression? _size;
    private readonly CompiledExpression? _mediaType;

    public AttachmentMapper(CompiledExpression locations) => _url = locations;

    public AttachmentMapper(FieldPath? each, CompiledExpression url, CompiledExpression? name, CompiledExpression? sha256,
        CompiledExpression? size, CompiledExpression? mediaType)
    {
        _each = each;
        _url = url;
        _name = name;
        _sha256 = sha256;
        _size = size;
        _mediaType = mediaType;
    }

    public IReadOnlyList<AttachmentReference> Map(SourceFields fields, ref RecordProblem? problem)
    {
        var found = new List<AttachmentReference>();
        if (_each is null) Describe(fields, found, ref problem);
        else
        {
            foreach (var item in fields.SelectObjects(_each))
            {
                Describe(item, found, ref problem);
                if (problem is not null) break;
            }
        }
        return problem is null ? found : [];
    }

    private void Describe(SourceFields fields, List<AttachmentReference> found, ref RecordProblem? problem)
    {
        var urls = _url.Evaluate(fields, ref problem);
        if (problem is not null || urls.IsEmpty) return;
        var names = Evaluate(_name, fields, ref problem);
        var digests = Evaluate(_sha256, fields, ref problem);
        var sizes = Evaluate(_size, fields, ref problem);
        var mediaTypes = Evaluate(_mediaType, fields, ref problem);
        if (problem is not null) return;

        var count = urls.Count;
        for (var i = 0; i < count; i++)
        {
            var size = Pick(sizes, i, count);
            long? declaredSize = null;
            if (size is not null)
            {
                if (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
                {
                    problem = MappingProblems.BadSize("attachments.size", size);
                    return;
                }
                declaredSize = bytes;
            }
            var digest = Pick(digests, i, count)?.Trim();
            if (digest is not null && (digest.Length != 64 || digest.AsSpan().ContainsAnyExcept(HexDigits)))
            {
                problem = MappingProblems.BadSha256("attachments.sha256", digest);
                return;
            }
            found.Add(new AttachmentReference(Pick(urls, i, count)!)
            {
                Name = Pick(names, i, count),
                DeclaredSha256 = digest?.ToLowerInvariant(),
                DeclaredSize = declaredSize,
                MediaType = Pick(mediaTypes, i, count),
            });
        }
    }

    private static MappedValue Evaluate(CompiledExpression? expression, SourceFields fields, ref RecordProblem? problem) =>
        expression is null || problem is not null ? MappedValue.Empty : expression.Evaluate(fields, ref problem);

    /// <summary>The i-th of <paramref name="count"/> files: a list pairs by position, a single value belongs to a single file.</summary>
    private static string? Pick(MappedValue value, int i, int count) => value.Items switch
    {
        { } items => items.Length == count ? items[i] : null,
        null => count == 1 && !string.IsNullOrEmpty(value.Text) ? value.Text : null,
    };
}
