using ArchiveBridge.Connectors.Database.Internal;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;

namespace ArchiveBridge.Connectors.Database;

/// <summary>
/// Checks a <c>database</c> connector's settings without connecting: one <see cref="ConfigurationException"/>
/// per problem, naming the setting (<c>connectors[2].settings.table</c>) and the value at fault. Whether the
/// named table and columns exist is checked against the database before the first read.
/// </summary>
public static class DatabaseConnectorOptionsValidator
{
    public static IEnumerable<ConfigurationException> Validate(DatabaseConnectorOptions options, ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(definition);
        ConfigurationException Error(string setting, string message) => new(message, definition.ConfigFile, definition.FieldPath(setting));

        var dialect = SqlDialect.For(options.Provider);
        if (dialect is null)
            yield return Error("provider", $"provider '{options.Provider}' is not supported; use {DatabaseConnectorConstants.Sqlite} or {DatabaseConnectorConstants.PostgreSql}");

        string? connectionString = null;
        ConfigurationException? secretError = null;
        try { connectionString = SecretValue.Resolve(options.ConnectionString, definition.FieldPath("connectionString"), definition.ConfigFile); }
        catch (ConfigurationException ex) { secretError = ex; }
        if (secretError is not null) yield return secretError;
        else if (dialect?.CheckConnectionString(connectionString!) is { } connectionProblem) yield return Error("connectionString", connectionProblem);

        switch (options.Table, options.Query)
        {
            case (null, null):
                yield return Error("table", "set either table (a table or view to read) or query (a read-only SELECT)");
                break;
            case (not null, not null):
                yield return Error("query", "set table or query, not both");
                break;
            case (not null, null) when !TableName.TryParse(options.Table, out _):
                yield return Error("table", $"'{options.Table}' is not a table name ({SqlIdentifier.Rule}; optionally schema.table)");
                break;
            case (null, not null) when ReadOnlyQuery.Check(options.Query, out _) is { } queryProblem:
                yield return Error("query", $"{queryProblem}: '{options.Query}'");
                break;
        }

        foreach (var error in CheckColumn("key", options.Key, required: true)) yield return error;
        foreach (var error in CheckColumn("watermark", options.Watermark, required: true, "an update time column, or an id that only grows")) yield return error;
        foreach (var error in CheckColumn("blobColumn", options.BlobColumn, required: false)) yield return error;
        foreach (var error in CheckColumn("blobNameColumn", options.BlobNameColumn, required: false)) yield return error;
        if (options.BlobNameColumn is not null && options.BlobColumn is null)
            yield return Error("blobNameColumn", $"blobNameColumn '{options.BlobNameColumn}' needs blobColumn");

        if (options.Overlap is { } overlap && overlap < TimeSpan.Zero)
            yield return Error("overlap", $"overlap '{overlap}' must not be negative");
        if (options.BatchSize is < 1 or > 100_000)
            yield return Error("batchSize", $"batchSize {options.BatchSize} must be between 1 and 100000");
        if (options.MaxAttachmentBytes is <= 0)
            yield return Error("maxAttachmentBytes", $"maxAttachmentBytes {options.MaxAttachmentBytes} must be positive");
        if (!string.IsNullOrWhiteSpace(options.AttachmentsRoot) && !Directory.Exists(definition.ResolvePath(options.AttachmentsRoot)))
            yield return Error("attachmentsRoot", $"attachmentsRoot '{options.AttachmentsRoot}' ({definition.ResolvePath(options.AttachmentsRoot)}) does not exist");

        if (!string.IsNullOrWhiteSpace(options.SeedScript))
        {
            if (dialect is not SqliteDialect)
                yield return Error("seedScript", $"seedScript '{options.SeedScript}' is a demo aid for sqlite only");
            else if (!File.Exists(definition.ResolvePath(options.SeedScript)))
                yield return Error("seedScript", $"seedScript '{options.SeedScript}' ({definition.ResolvePath(options.SeedScript)}) does not exist");
        }

        if (options.WriteBack is { } writeBack)
            foreach (var error in ValidateWriteBack(writeBack, options, Error)) yield return error;

        IEnumerable<ConfigurationException> CheckColumn(string setting, string? value, bool required, string? hint = null)
        {
            if (value is null)
            {
                if (required) yield return Error(setting, hint is null ? $"{setting} is required (a column name)" : $"{setting} is required: {hint}");
            }
            else if (!SqlIdentifier.IsValid(value))
                yield return Error(setting, $"'{value}' is not a column name ({SqlIdentifier.Rule})");
        }
    }

    private static IEnumerable<ConfigurationException> ValidateWriteBack(
        DatabaseWriteBackOptions writeBack, DatabaseConnectorOptions options, Func<string, string, ConfigurationException> error)
    {
        if (writeBack.Set.Count == 0)
            yield return error("writeBack.set", "writeBack.set is empty: name at least one column to mark archived rows with");
        if (writeBack.Table is not null && !TableName.TryParse(writeBack.Table, out _))
            yield return error("writeBack.table", $"'{writeBack.Table}' is not a table name ({SqlIdentifier.Rule}; optionally schema.table)");
        if (writeBack.Table is null && options.Query is not null)
            yield return error("writeBack.table", "writeBack.table is required when the connector reads a query");
        if (writeBack.Key is not null && !SqlIdentifier.IsValid(writeBack.Key))
            yield return error("writeBack.key", $"'{writeBack.Key}' is not a column name ({SqlIdentifier.Rule})");
        foreach (var (column, template) in writeBack.Set)
        {
            if (!SqlIdentifier.IsValid(column))
                yield return error($"writeBack.set.{column}", $"'{column}' is not a column name ({SqlIdentifier.Rule})");
            else if (column.Equals(options.Key, StringComparison.OrdinalIgnoreCase) || column.Equals(writeBack.Key, StringComparison.OrdinalIgnoreCase))
                yield return error($"writeBack.set.{column}", $"the write-back must not change the key column '{column}'");
            WriteBackTemplate.Parse(template ?? "", out var templateError);
            if (templateError is not null) yield return error($"writeBack.set.{column}", templateError);
        }
    }
}
