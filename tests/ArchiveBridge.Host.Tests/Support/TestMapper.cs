using System.Collections.Concurrent;
using ArchiveBridge.Core.Mapping;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>
/// A tiny mapping for tests (the real mapping language is built elsewhere): 题名 -> title, 日期 -> date,
/// 文号 -> docNumber, category WS, retention D30; key from 编号 when present, else the source key.
/// Remembers the source key of every record it mapped, in order.
/// </summary>
internal sealed class TestMapper : IRecordMapper
{
    public ConcurrentQueue<string?> Mapped { get; } = new();

    public string Name => "test-mapping";

    public string? File => null;

    public MappingResult Map(SourceRecord record)
    {
        Mapped.Enqueue(record.SourceKey);
        var values = new Dictionary<string, string> { ["category"] = "WS", ["retention"] = "D30" };
        void Copy(string from, string to)
        {
            if (record.Fields.TryGetValue(from, out var v) && !string.IsNullOrEmpty(v)) values[to] = v;
        }
        Copy("题名", "title");
        Copy("日期", "date");
        Copy("文号", "docNumber");
        record.Fields.TryGetValue("编号", out var key);
        return new MappingResult { Key = string.IsNullOrEmpty(key) ? null : key, Values = values };
    }
}
