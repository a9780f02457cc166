// TEMPORARY STUB: replaced by the mapping branch at merge.
using ArchiveBridge.Core.Sources;
namespace ArchiveBridge.Core.Mapping;
public static class MappingLoader
{
    public static CompiledMapping Load(string path) => throw new NotImplementedException(path);
}
public sealed class CompiledMapping : IRecordMapper
{
    public string Name => "";
    public string? File => null;
    public MappingResult Map(SourceRecord record) => throw new NotImplementedException();
}
