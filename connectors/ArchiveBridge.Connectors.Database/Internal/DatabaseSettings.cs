using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>Validated options with secrets and paths resolved; what a <see cref="DatabaseConnector"/> runs on.</summary>
internal sealed class DatabaseSettings
{
    public required ConnectorDefinition Definition { get; init; }
    public required SqlDialect Dialect { get; init; }
    public required string ConnectionString { get; init; }
    public string? SqliteFile { get; init; }
    public TableName? Table { get; init; }
    public string? Query { get; init; }
    public required string Key { get; init; }
    public required string Watermark { get; init; }
    public TimeSpan? Overlap { get; init; }
    public required int BatchSize { get; init; }
    public string? AttachmentsRoot { get; init; }
    public string? BlobColumn { get; init; }
    public string? BlobNameColumn { get; init; }
    public required long MaxAttachmentBytes { get; init; }
    public string? SeedScript { get; init; }
    public TableName? WriteBackTable { get; init; }
    public string? WriteBackKey { get; init; }
    public IReadOnlyList<(string Column, WriteBackTemplate Template)> WriteBackSet { get; init; } = [];

    public string ConnectorId => Definition.Id;
    public bool HasWriteBack => WriteBackSet.Count > 0;

    public ConfigurationException Error(string setting, string message) =>
        new(message, Definition.ConfigFile, Definition.FieldPath(setting));

    /// <summary>Builds settings from options that passed <see cref="DatabaseConnectorOptionsValidator"/>.</summary>
    public static DatabaseSettings Create(DatabaseConnectorOptions options, ConnectorDefinition definition, long defaultMaxAttachmentBytes)
    {
        var dialect = SqlDialect.For(options.Provider)!;
        var connectionString = SecretValue.Resolve(options.ConnectionString, definition.FieldPath("connectionString"), definition.ConfigFile);
        string? sqliteFile = null;
        if (dialect is SqliteDialect)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (IsFilePath(builder.DataSource))
            {
                builder.DataSource = definition.ResolvePath(builder.DataSource);
                sqliteFile = builder.DataSource;
                connectionString = builder.ToString();
            }
        }
        TableName.TryParse(options.Table, out var table);
        TableName.TryParse(options.WriteBack?.Table ?? options.Table, out var writeBackTable);
        var set = (options.WriteBack?.Set ?? []).Select(p => (p.Key, WriteBackTemplate.Parse(p.Value ?? "", out _))).ToList();
        return new DatabaseSettings
        {
            Definition = definition,
            Dialect = dialect,
            ConnectionString = connectionString,
            SqliteFile = sqliteFile,
            Table = options.Table is null ? null : table,
            Query = options.Query is null ? null : (ReadOnlyQuery.Check(options.Query, out var query) is null ? query : null),
            Key = options.Key!,
            Watermark = options.Watermark!,
            Overlap = options.Overlap,
            BatchSize = options.BatchSize,
            AttachmentsRoot = string.IsNullOrWhiteSpace(options.AttachmentsRoot) ? null : definition.ResolvePath(options.AttachmentsRoot),
            BlobColumn = options.BlobColumn,
            BlobNameColumn = options.BlobNameColumn,
            MaxAttachmentBytes = options.MaxAttachmentBytes ?? defaultMaxAttachmentBytes,
            SeedScript = string.IsNullOrWhiteSpace(options.SeedScript) ? null : definition.ResolvePath(options.SeedScript),
            WriteBackTable = set.Count > 0 ? writeBackTable : null,
            WriteBackKey = set.Count > 0 ? options.WriteBack?.Key ?? options.Key : null,
            WriteBackSet = set,
        };
    }

    /// <summary>A Data Source naming a file (not <c>:memory:</c>, not a <c>file:</c> URI), which may be relative.</summary>
    public static bool IsFilePath(string dataSource) =>
        !string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
