using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.TestUtils;

/// <summary>
/// A mapper for pipeline tests that does not depend on the mapping language: fields named like canonical
/// targets pass through; <c>key</c> is the identity; <c>files</c> (semicolon-separated) are attachments.
/// </summary>
public sealed class PassThroughMapper : IRecordMapper
{
    public string Name => "pass-through";
    public string? File => null;

    public MappingResult Map(SourceRecord record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        var attachments = new List<AttachmentReference>();
        foreach (var name in record.Fields.Names)
        {
            record.Fields.TryGetValue(name, out var value);
            if (string.IsNullOrEmpty(value)) continue;
            if (name == "key") key = value;
            else if (name == "files") attachments.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f => new AttachmentReference(f)));
            else if (CanonicalFields.IsKnown(name)) values[name] = value;
        }
        return new MappingResult { Key = key ?? record.SourceKey, Values = values, Attachments = attachments };
    }
}
