using ArchiveBridge.Connectors.Database.Tests.Support;
using ArchiveBridge.Core;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Database.Tests;

public class DatabaseConnectorOptionsValidatorTests
{
    private static List<ConfigurationException> Validate(TempDirectory dir, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["provider"] = "sqlite", ["connectionString"] = "Data Source=erp.db", ["table"] = "archive_outbox",
            ["key"] = "voucher_id", ["watermark"] = "updated_at",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return new DatabaseConnectorFactory().Validate(Harness.Definition(dir.Path, settings, index: 2)).ToList();
    }

    private static ConfigurationException Single(TempDirectory dir, params (string Key, string? Value)[] overrides) =>
        Assert.Single(Validate(dir, overrides));

    [Fact]
    public void Validate_GoodSettings_NoProblems()
    {
        using var dir = new TempDirectory();
        Assert.Empty(Validate(dir));
    }

    [Theory]
    [InlineData("archive_outbox; DROP TABLE archive_outbox")]
    [InlineData("archive_outbox--")]
    [InlineData("\"archive_outbox\"")]
    [InlineData("archive outbox")]
    [InlineData("a.b.c")]
    [InlineData("archive_outbox\n")]
    public void Validate_TableThatIsNotAName_NamesSettingAndValue(string table)
    {
        using var dir = new TempDirectory();
        var error = Single(dir, ("table", table));

        Assert.Equal("connectors[2].settings.table", error.Field);
        Assert.Contains($"'{table}' is not a table name", error.Message);
        Assert.StartsWith(Path.Combine(dir.Path, "archivebridge.json") + ": connectors[2].settings.table: ", error.Message);
    }

    [Theory]
    [InlineData("key", "voucher_id OR 1=1")]
    [InlineData("watermark", "updated_at DESC")]
    [InlineData("blobColumn", "attachment)")]
    [InlineData("writeBack.set.archive_status = 'X' --", "ARCHIVED")]
    public void Validate_ColumnThatIsNotAName_NamesSettingAndValue(string setting, string value)
    {
        using var dir = new TempDirectory();
        var error = Single(dir, (setting, value));
        var column = setting.StartsWith("writeBack.set.", StringComparison.Ordinal) ? setting["writeBack.set.".Length..] : value;

        Assert.Equal($"connectors[2].settings.{setting}", error.Field);
        Assert.Contains($"'{column}' is not a column name", error.Message);
    }

    [Theory]
    [InlineData("DELETE FROM archive_outbox", "must start with SELECT or WITH")]
    [InlineData("SELECT * FROM archive_outbox; DROP TABLE archive_outbox", "more than one statement")]
    [InlineData("WITH d AS (DELETE FROM archive_outbox RETURNING *) SELECT * FROM d", "uses DELETE")]
    [InlineData("SELECT * INTO copy FROM archive_outbox", "uses INTO")]
    [InlineData("SELECT * FROM archive_outbox FOR UPDATE", "uses UPDATE")]
    [InlineData("SELECT E'\\'' ; DELETE FROM archive_outbox; --'", "more than one statement")]
    [InlineData("SELECT 'unclosed FROM archive_outbox", "unclosed ' quote")]
    public void Validate_QueryThatIsNotOneReadOnlySelect_IsRejected(string query, string reason)
    {
        using var dir = new TempDirectory();
        var error = Single(dir, ("table", null), ("query", query));

        Assert.Equal("connectors[2].settings.query", error.Field);
        Assert.Contains(reason, error.Message);
        Assert.Contains(query, error.Message);
    }

    [Theory]
    [InlineData("provider", "mysql", "provider 'mysql' is not supported; use sqlite or postgresql")]
    [InlineData("batchSize", "0", "batchSize 0 must be between 1 and 100000")]
    [InlineData("overlap", "-00:01:00", "overlap '-00:01:00' must not be negative")]
    [InlineData("attachmentsRoot", "no-such-folder", "attachmentsRoot 'no-such-folder'")]
    [InlineData("seedScript", "missing.sql", "seedScript 'missing.sql'")]
    [InlineData("blobNameColumn", "attachment_name", "blobNameColumn 'attachment_name' needs blobColumn")]
    [InlineData("writeBack.set.archived_at", "{today}", "unknown placeholder '{today}'")]
    [InlineData("writeBack.set.voucher_id", "0", "must not change the key column 'voucher_id'")]
    public void Validate_BadSetting_MessageNamesTheValue(string setting, string value, string message)
    {
        using var dir = new TempDirectory();
        var error = Single(dir, (setting, value));

        Assert.Equal($"connectors[2].settings.{setting}", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_TableAndQueryBothOrNeither_AreRejected()
    {
        using var dir = new TempDirectory();
        Assert.Contains("not both", Single(dir, ("query", "SELECT 1")).Message);
        Assert.Contains("set either table", Single(dir, ("table", null)).Message);
    }

    [Fact]
    public void Validate_QueryWithWriteBackButNoTable_AsksForWriteBackTable()
    {
        using var dir = new TempDirectory();
        var error = Single(dir, ("table", null), ("query", "SELECT * FROM archive_outbox"), ("writeBack.set.archive_status", "ARCHIVED"));

        Assert.Equal("connectors[2].settings.writeBack.table", error.Field);
    }

    [Fact]
    public void Validate_SecretFromUnsetEnvironmentVariable_NamesVariableNotValue()
    {
        using var dir = new TempDirectory();
        var variable = "AB_TEST_ERP_DB_" + Guid.NewGuid().ToString("N")[..8];

        var error = Single(dir, ("connectionString", "env:" + variable));

        Assert.Equal("connectors[2].settings.connectionString", error.Field);
        Assert.Contains($"environment variable {variable} is not set", error.Message);
    }

    [Fact]
    public void Validate_SecretFromEnvironment_IsResolvedAndChecked()
    {
        using var dir = new TempDirectory();
        var variable = "AB_TEST_ERP_DB_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(variable, "Host=127.0.0.1;Password=s3cret;Bogus Keyword=1");
        try
        {
            var error = Single(dir, ("provider", "postgresql"), ("connectionString", "env:" + variable));

            Assert.Contains("not a valid PostgreSQL connection string", error.Message);
            Assert.DoesNotContain("s3cret", error.Message);
        }
        finally { Environment.SetEnvironmentVariable(variable, null); }
    }

    [Fact]
    public void Validate_MisspelledSetting_IsAnErrorNotIgnored()
    {
        using var dir = new TempDirectory();
        var error = Single(dir, ("watermak", "updated_at"));

        Assert.Equal("connectors[2].settings", error.Field);
        Assert.Contains("watermak", error.Message);
    }

    [Fact]
    public void Create_BadSettings_ThrowsTheFirstProblem()
    {
        using var dir = new TempDirectory();
        var definition = Harness.Definition(dir.Path, new Dictionary<string, string?> { ["provider"] = "sqlite", ["connectionString"] = "Data Source=x.db", ["table"] = "t;", ["key"] = "k", ["watermark"] = "w" });

        var error = Assert.Throws<ConfigurationException>(() => new DatabaseConnectorFactory().Create(definition, new EmptyServiceProvider()));

        Assert.Equal("connectors[0].settings.table", error.Field);
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
