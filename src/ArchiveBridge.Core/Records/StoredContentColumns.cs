namespace ArchiveBridge.Core.Records;

/// <summary>
/// The content fields a records row keeps in columns of their own (to be searched and indexed), and so leaves out of
/// its JSON: laid over the JSON when the row is read (<see cref="StoredRecordJson.Deserialize"/>).
/// </summary>
public sealed record StoredContentColumns(
    string? Fonds, string? Category, int? Year, string? Retention, string? Org, string? Title, string? DocNumber, string? Date);
