using ArchiveBridge.Core.Checks;
using Microsoft.Extensions.Configuration;

namespace ArchiveBridge.Core.Tests.Checks;

public class CheckOptionsTests
{
    [Fact]
    public void LevelOf_Unconfigured_CatalogDefault()
    {
        var options = new CheckOptions();

        Assert.Equal(CheckLevel.Block, options.LevelOf(CheckId.VirusScan));
        Assert.Equal(CheckLevel.Warn, options.LevelOf(CheckId.FormatMatchesName));
    }

    [Fact]
    public void LevelOf_UnknownId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CheckOptions().LevelOf("usability.nope"));
    }

    [Fact]
    public void Bind_FromJsonConfiguration_ReplacesListsAndReadsLevelNames()
    {
        var json = """
            { "checks": {
                "levels": { "usability.pdf_not_encrypted": "off", "security.file_name_safe": "block" },
                "allowedFormats": [ "PDF", "OFD" ],
                "requiredFieldsByCategory": { "KU": [ "docNumber" ] } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection("checks").Get<CheckOptions>()!;

        Assert.Equal(CheckLevel.Off, options.LevelOf(CheckId.PdfNotEncrypted));
        Assert.Equal(CheckLevel.Block, options.LevelOf(CheckId.FileNameSafe));
        Assert.Equal(["PDF", "OFD"], options.AllowedFormats);
        Assert.False(options.IsFormatAllowed("TXT"));
        Assert.Equal([.. CheckOptions.DefaultRequiredFields, "docNumber"], options.RequiredFieldsFor("KU"));
        Assert.Equal(CheckOptions.DefaultRequiredFields, options.RequiredFieldsFor("WS"));
    }
}
