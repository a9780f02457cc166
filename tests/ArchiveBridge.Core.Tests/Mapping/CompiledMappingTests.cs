using System.Text.Json;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

public class CompiledMappingTests
{
    [Fact]
    public void Map_SourceFieldsThatThrow_FailsWithMappingErrorInsteadOfThrowing()
    {
        var record = new SourceRecord(new BrokenFields()) { SourceKey = "k1" };

        var result = Single("题名").Map(record);

        Assert.Equal(ReasonCodes.MappingError, result.Problem?.Reason);
        Assert.Contains("connection reset", result.Problem?.Message);
    }

    [Fact]
    public void Values_EnumerateInFileOrderAndSkipEmpty()
    {
        var mapping = ArchiveBridge.Core.Mapping.MappingLoader.Parse(
            """{ "name": "t", "category": "WS", "fields": { "title": "a", "notes": "b", "extra.z": "c", "docType": "d" } }""", FileName);

        var result = mapping.Map(Row(("a", "题名"), ("b", ""), ("c", "z"), ("d", "通知")));

        Assert.Equal(["category", "title", "extra.z", "docType"], result.Values.Keys);
        Assert.Equal(4, result.Values.Count);
        Assert.False(result.Values.ContainsKey("notes"));
        Assert.Throws<KeyNotFoundException>(() => result.Values["notes"]);
    }

    private sealed class BrokenFields : SourceFields
    {
        public override IEnumerable<string> Names => [];

        public override bool TryGetValue(string name, out string? value) => throw new IOException("connection reset");

        public override void Select(FieldPath path, List<string?> results) => throw new IOException("connection reset");

        public override IEnumerable<SourceFields> SelectObjects(FieldPath path) => [];

        public override void WriteRawJson(Utf8JsonWriter writer) => writer.WriteNullValue();
    }
}
