using System.Text.Json;
using ArchiveBridge.Core.Mapping.Loading;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Tests.Mapping;

/// <summary>mappings/mapping.schema.json must describe exactly what the loader accepts, or editors mislead admins.</summary>
public sealed class MappingSchemaTests : IDisposable
{
    private readonly JsonDocument _schema = JsonDocument.Parse(File.ReadAllText(FindSchema()));

    public void Dispose() => _schema.Dispose();

    private JsonElement Root => _schema.RootElement;

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mappings", "mapping.schema.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("mappings/mapping.schema.json not found above " + AppContext.BaseDirectory);
    }

    private static string[] Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Schema_IsDraft202012() =>
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Root.GetProperty("$schema").GetString());

    [Fact]
    public void TopLevelProperties_AreTheLoadersKeys() =>
        Assert.Equal(MappingCompiler.TopLevelKeys.Order(StringComparer.Ordinal), Names(Root.GetProperty("properties")));

    [Fact]
    public void FieldProperties_AreTheCanonicalTargets() =>
        Assert.Equal(CanonicalFields.Scalar.Append(CanonicalFields.Keywords).Order(StringComparer.Ordinal),
            Names(Root.GetProperty("properties").GetProperty("fields").GetProperty("properties")));

    [Fact]
    public void AttachmentObjectProperties_AreTheLoadersKeys() =>
        Assert.Equal(AttachmentCompiler.Keys.Order(StringComparer.Ordinal),
            Names(Root.GetProperty("$defs").GetProperty("attachmentObject").GetProperty("properties")));

    [Fact]
    public void ExpressionDescription_NamesEveryFunction()
    {
        var description = Root.GetProperty("$defs").GetProperty("expression").GetProperty("description").GetString()!;

        Assert.All(ArchiveBridge.Core.Mapping.Functions.FunctionCatalog.Functions.Keys, name => Assert.Contains(name, description));
    }
}
