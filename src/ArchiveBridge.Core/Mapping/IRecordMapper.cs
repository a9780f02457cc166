using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping;

/// <summary>A compiled mapping: turns one source record into canonical values, or says why it cannot.</summary>
public interface IRecordMapper
{
    /// <summary>The mapping's <c>name</c>.</summary>
    string Name { get; }

    /// <summary>The file the mapping was loaded from (for messages).</summary>
    string? File { get; }

    /// <summary>Maps one record. Never throws for bad data: problems come back in <see cref="MappingResult.Problem"/>.</summary>
    MappingResult Map(SourceRecord record);
}
