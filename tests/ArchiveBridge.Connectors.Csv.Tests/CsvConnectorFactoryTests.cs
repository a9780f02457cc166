using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class CsvConnectorFactoryTests
{
    private readonly CsvConnectorFactory _factory = new();

    [Fact]
    public void Create_AllSettings_BindsThemWithPathsUnderTheConfigFolder()
    {
        var definition = Definition(new()
        {
            ["path"] = "hr/hr_export.csv", ["encoding"] = "GB18030", ["delimiter"] = "tab", ["quote"] = "'",
            ["hasHeader"] = "false", ["attachmentsRoot"] = "hr/files", ["maxAttachmentBytes"] = "1048576",
            ["allowLineBreaksInQuotes"] = "false",
        });

        var connector = Assert.IsType<CsvConnector>(_factory.Create(definition, new ServiceCollection().BuildServiceProvider()));

        var o = connector.Options;
        Assert.Equal("hr-csv", connector.Id);
        Assert.Equal(("hr/hr_export.csv", CsvEncoding.Gb18030, '\t', '\'', false, 1048576L, false),
            (o.Path, o.Encoding, o.Delimiter, o.Quote, o.HasHeader, o.MaxAttachmentBytes, o.AllowLineBreaksInQuotes));
        Assert.Equal(Path.GetFullPath("/srv/archivebridge/hr/hr_export.csv"), o.FullPath);
        Assert.Equal(Path.GetFullPath("/srv/archivebridge/hr/files"), connector.AttachmentsRoot);
        Assert.Empty(_factory.Validate(definition));
    }

    [Fact]
    public void Create_OnlyPath_UsesTheDefaults()
    {
        var connector = (CsvConnector)_factory.Create(Definition(new() { ["path"] = "hr.csv" }), new ServiceCollection().BuildServiceProvider());

        var o = connector.Options;
        Assert.Equal((CsvEncoding.Auto, ',', '"', true, 100L * 1024 * 1024, true),
            (o.Encoding, o.Delimiter, o.Quote, o.HasHeader, o.MaxAttachmentBytes, o.AllowLineBreaksInQuotes));
        Assert.Equal(Path.GetFullPath("/srv/archivebridge"), connector.AttachmentsRoot);
    }

    [Theory]
    [InlineData("utf-8", CsvEncoding.Utf8)]
    [InlineData("UTF8", CsvEncoding.Utf8)]
    [InlineData("utf-8-bom", CsvEncoding.Utf8Bom)]
    [InlineData("gbk", CsvEncoding.Gb18030)]
    [InlineData("auto", CsvEncoding.Auto)]
    public void Create_EncodingNames_Parse(string value, CsvEncoding expected)
    {
        var connector = (CsvConnector)_factory.Create(Definition(new() { ["path"] = "hr.csv", ["encoding"] = value }), new ServiceCollection().BuildServiceProvider());

        Assert.Equal(expected, connector.Options.Encoding);
    }

    [Theory]
    [InlineData("encoding", "latin1", "archivebridge.json: connectors[2].settings.encoding: 'latin1' is not a supported encoding: use utf-8, utf-8-bom, gb18030 or auto")]
    [InlineData("delimiter", "||", "archivebridge.json: connectors[2].settings.delimiter: '||' is not one character: use one ASCII character such as ',' ';' '|' or 'tab'")]
    [InlineData("delimiter", "，", "archivebridge.json: connectors[2].settings.delimiter: '，' is not an ASCII character; use one such as ',' ';' '|' or 'tab'")]
    [InlineData("delimiter", "\"", "archivebridge.json: connectors[2].settings.delimiter: '\"' is also the quote character; delimiter and quote must differ")]
    [InlineData("quote", "“", "archivebridge.json: connectors[2].settings.quote: '“' is not an ASCII character; use one such as ',' ';' '|' or 'tab'")]
    [InlineData("hasHeader", "yes", "archivebridge.json: connectors[2].settings.hasHeader: 'yes' is not true or false")]
    [InlineData("allowLineBreaksInQuotes", "1", "archivebridge.json: connectors[2].settings.allowLineBreaksInQuotes: '1' is not true or false")]
    [InlineData("maxAttachmentBytes", "100MB", "archivebridge.json: connectors[2].settings.maxAttachmentBytes: '100MB' is not a whole number of bytes (e.g. 104857600 for 100 MiB)")]
    [InlineData("maxAttachmentBytes", "0", "archivebridge.json: connectors[2].settings.maxAttachmentBytes: must be a number of bytes greater than 0, not 0")]
    [InlineData("delimeter", ";", "archivebridge.json: connectors[2].settings.delimeter: unknown setting 'delimeter'; the CSV connector knows path, encoding, delimiter, quote, hasHeader, attachmentsRoot, maxAttachmentBytes, allowLineBreaksInQuotes")]
    public void Validate_BadSetting_NamesTheSettingAndItsValue(string setting, string value, string message)
    {
        var definition = Definition(new() { ["path"] = "hr.csv", [setting] = value });

        var error = Assert.Single(_factory.Validate(definition));

        Assert.Equal(message, error.Message);
        Assert.Equal($"connectors[2].settings.{setting}", error.Field);
        Assert.Equal("archivebridge.json", error.File);
        Assert.Equal(message, Assert.Throws<ConfigurationException>(() => _factory.Create(definition, new ServiceCollection().BuildServiceProvider())).Message);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachAndCreateThrowsTheFirst()
    {
        var definition = Definition(new() { ["encoding"] = "big5", ["quote"] = "\"\"" });

        var errors = _factory.Validate(definition).Select(e => e.Field).ToList();

        Assert.Equal(["connectors[2].settings.encoding", "connectors[2].settings.quote", "connectors[2].settings.path"], errors);
        Assert.Equal(
            "archivebridge.json: connectors[2].settings.encoding: 'big5' is not a supported encoding: use utf-8, utf-8-bom, gb18030 or auto",
            Assert.Throws<ConfigurationException>(() => _factory.Create(definition, new ServiceCollection().BuildServiceProvider())).Message);
    }

    [Fact]
    public void Validate_MissingPath_SaysWhatItIs()
    {
        var error = Assert.Single(_factory.Validate(Definition(new())));

        Assert.Equal("archivebridge.json: connectors[2].settings.path: is required: the CSV file to read, relative to the config file (e.g. \"hr/hr_export.csv\")", error.Message);
    }

    [Fact]
    public void AddCsvConnector_CalledTwice_RegistersOneCsvFactory()
    {
        var services = new ServiceCollection();
        services.AddArchiveBridge().AddCsvConnector().AddCsvConnector();

        var factory = Assert.Single(services.BuildServiceProvider().GetServices<ISourceConnectorFactory>());

        Assert.IsType<CsvConnectorFactory>(factory);
        Assert.Equal("csv", factory.Type);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => new CsvConnector("hr-csv", new CsvConnectorOptions { Path = "a.csv", Delimiter = '\n' }));

        Assert.StartsWith("connector 'hr-csv': settings.delimiter: '\\n' is a line break and cannot separate or quote fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidator_InvalidOptions_FailsWithEveryMessage()
    {
        var result = new CsvConnectorOptionsValidator().Validate(null, new CsvConnectorOptions { Quote = '\t', Delimiter = '\t', MaxAttachmentBytes = -1 });

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "settings.path: is required: the CSV file to read, relative to the config file (e.g. \"hr/hr_export.csv\")",
                "settings.delimiter: 'tab' is also the quote character; delimiter and quote must differ",
                "settings.maxAttachmentBytes: must be a number of bytes greater than 0, not -1",
            ],
            result.Failures);
    }

    private static ConnectorDefinition Definition(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>($"settings:{kv.Key}", kv.Value)))
            .Build();
        return new ConnectorDefinition
        {
            Id = "hr-csv", Type = "csv", Settings = configuration.GetSection("settings"),
            BaseDirectory = "/srv/archivebridge", ConfigFile = "archivebridge.json", Index = 2,
        };
    }
}
