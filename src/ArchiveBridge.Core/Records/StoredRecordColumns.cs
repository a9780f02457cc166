namespace ArchiveBridge.Core.Records;

/// <summary>
/// What a stored record's row keeps in columns rather than in its JSON: laid over the JSON when the record is read
/// (<see cref="StoredRecordJson.Deserialize"/>).
/// </summary>
public readonly record struct StoredRecordColumns(
    string Id, string ConnectorId, string SourceKey, string? ArchivalCode, int? ItemNo, int Version, string Fingerprint)
{
    /// <summary>
    /// The content fields of a records row; null for a kept older version (record_versions), whose JSON holds them
    /// because its own row has no such columns.
    /// </summary>
    public StoredContentColumns? Content { get; init; }
}
