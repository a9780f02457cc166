using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Storage;

/// <summary>
/// How the store turns a record into its 档号: the partition its 件号 is counted in, and the code text.
/// Implemented from the configured template (DESIGN §5); the store only allocates numbers.
/// </summary>
public interface IArchivalCodeScheme
{
    /// <summary>A stable key for (fonds, category, year, retention, org).</summary>
    string PartitionKey(ArchiveRecord record);

    string Format(ArchiveRecord record, int itemNo);

    /// <summary>
    /// The same code as <see cref="Format(ArchiveRecord, int)"/>, for a record whose <see cref="PartitionKey"/> is
    /// <paramref name="partitionKey"/>: the store numbers records partition by partition, and the partition's text
    /// is most of the code.
    /// </summary>
    string Format(ArchiveRecord record, string partitionKey, int itemNo);
}
