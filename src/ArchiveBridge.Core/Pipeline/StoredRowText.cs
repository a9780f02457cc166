namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// The text values a new record's row holds besides its JSON, in the order <see cref="PreparedRecord.StoredRowUtf8"/>
/// lays them out after it. Encoded in the mapping stage, so the store's writer copies bytes instead of encoding strings.
/// </summary>
public enum StoredRowText
{
    Id,
    Key,
    Fonds,
    Category,
    Retention,
    Org,
    Title,
    DocNumber,
    Date,
    Fingerprint,
    ChangeToken,
    Checks,
}
