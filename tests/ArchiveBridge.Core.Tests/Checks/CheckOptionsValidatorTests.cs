using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Core.Tests.Checks;

public class CheckOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new CheckOptionsValidator().Validate(null, new CheckOptions()).Succeeded);
    }

    [Fact]
    public void Validate_UnknownNames_NamesKeyAndValue()
    {
        var options = new CheckOptions
        {
            Levels = { ["usability.pdf_open"] = CheckLevel.Off, [CheckId.VirusScan] = (CheckLevel)9 },
            AllowedFormats = ["PDF", "WPS"],
            RequiredFields = ["title", "subject"],
            RequiredFieldsByCategory = { ["KU"] = ["voucherNo"] },
        };

        var failures = new CheckOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.StartsWith("checks.levels: unknown check 'usability.pdf_open'; known: authenticity.source_recorded, ", failures[0], StringComparison.Ordinal);
        Assert.Equal("checks.levels.security.virus_scan: unknown level '9'; use block, warn or off", failures[1]);
        Assert.Equal("checks.allowedFormats: unknown format 'WPS'; known: PDF, OFD, DOCX, XLSX, PPTX, ZIP, JPEG, PNG, GIF, TIFF, XML, TXT, OTHER", failures[2]);
        Assert.StartsWith("checks.requiredFields: unknown field 'subject'", failures[3], StringComparison.Ordinal);
        Assert.StartsWith("checks.requiredFieldsByCategory.KU: unknown field 'voucherNo'", failures[4], StringComparison.Ordinal);
    }
}
