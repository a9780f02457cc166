using System.Data.Common;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Storage.Entities;

namespace ArchiveBridge.Storage;

/// <summary>
/// The content fields a records row holds in columns (and its JSON leaves out, <see cref="StoredRecordJson"/>), read
/// back from a query or an entity to be laid over the JSON.
/// </summary>
internal static class RecordColumns
{
    /// <summary>The columns in the order <see cref="Content(DbDataReader, int)"/> reads them.</summary>
    public const string ContentSelect = "fonds, category, year, retention, org, title, doc_number, date";

    public static StoredContentColumns Content(DbDataReader reader, int first) => new(
        Sql.NullableString(reader, first), Sql.NullableString(reader, first + 1), reader.IsDBNull(first + 2) ? null : reader.GetInt32(first + 2),
        Sql.NullableString(reader, first + 3), Sql.NullableString(reader, first + 4), Sql.NullableString(reader, first + 5),
        Sql.NullableString(reader, first + 6), Sql.NullableString(reader, first + 7));

    public static StoredContentColumns Content(RecordEntity row) =>
        new(row.Fonds, row.Category, row.Year, row.Retention, row.Org, row.Title, row.DocNumber, row.Date);
}
