using ArchiveBridge.Core.Mapping;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Mapping;

public class MappingLoaderTests
{
    [Fact]
    public void Load_ValidFile_CompilesWithNameFileAndSystem()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("oa.json");
        File.WriteAllText(path, """{ "name": "oa-documents", "system": "泛微OA", "category": "WS", "fields": { "title": "title" } }""");

        var mapping = MappingLoader.Load(path);

        Assert.Equal("oa-documents", mapping.Name);
        Assert.Equal(path, mapping.File);
        Assert.Equal("泛微OA", mapping.System);
        Assert.Equal(["category", "title"], mapping.Targets);
    }

    [Fact]
    public void Load_FileWithUtf8Bom_IsRead()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bom.json");
        File.WriteAllText(path, """{ "name": "t", "fields": { "title": "题名" } }""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("t", MappingLoader.Load(path).Name);
    }

    [Fact]
    public void Load_FileWithMistakes_ThrowsWithEveryDiagnostic()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bad.json");
        File.WriteAllText(path, "{\n  \"name\": \"t\",\n  \"fields\": {\n    \"date\": \"成文日期 | dat\",\n    \"titel\": \"题名\"\n  }\n}\n");

        var error = Assert.Throws<MappingException>(() => MappingLoader.Load(path));

        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Diagnostics.Count);
        Assert.Contains($"{path}:4: fields.date: unknown function 'dat' at position 7 (did you mean 'date'?)", error.Message);
        Assert.Contains($"{path}:5: fields.titel: unknown target 'titel'", error.Message);
        Assert.IsAssignableFrom<ArchiveBridgeException>(error);
    }

    [Fact]
    public void Check_MissingFile_ReturnsADiagnosticInsteadOfThrowing()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("nope.json");

        var diagnostic = Assert.Single(MappingLoader.Check(path));

        Assert.Equal(path, diagnostic.File);
        Assert.Equal(0, diagnostic.Line);
        Assert.StartsWith($"{path}: cannot read the mapping file: ", diagnostic.ToString());
    }

    [Fact]
    public void Check_NotJson_ReturnsADiagnosticWithTheLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("x.json");
        File.WriteAllText(path, "{\n  \"name\": \"t\",\n  oops\n}");

        var diagnostic = Assert.Single(MappingLoader.Check(path));

        Assert.Equal(3, diagnostic.Line);
        Assert.StartsWith("not valid JSON", diagnostic.Message);
    }

    [Fact]
    public void Check_ValidFile_ReturnsNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("ok.json");
        File.WriteAllText(path, """{ "name": "t", "fields": { "title": "题名" } }""");

        Assert.Empty(MappingLoader.Check(path));
    }

    [Fact]
    public void Parse_Mistake_ThrowsSingleLineMessage()
    {
        var error = Assert.Throws<MappingException>(() => MappingLoader.Parse("""{ "name": "t", "fields": { "title": "a | nope" } }""", "inline.json"));

        Assert.StartsWith("invalid mapping: inline.json:1: fields.title: unknown function 'nope' at position 4", error.Message);
    }
}
