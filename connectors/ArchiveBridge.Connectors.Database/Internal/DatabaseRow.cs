using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>One row as read from a page: its text fields, the typed watermark and key it sorts by, its BLOB.</summary>
internal sealed class DatabaseRow
{
    public required FieldHeader Header { get; init; }
    public required string?[] Values { get; init; }

    /// <summary>Null when the column is NULL (such rows are read by the anomaly pass only).</summary>
    public TypedValue? Watermark { get; init; }
    public string? WatermarkText { get; init; }
    public TypedValue? Key { get; init; }
    public string? KeyText { get; init; }

    public bool HasBlob { get; init; }

    /// <summary>The BLOB's bytes; null when it is larger than the attachment cap (only its length is kept).</summary>
    public byte[]? Blob { get; init; }
    public long BlobLength { get; init; }
    public string? BlobName { get; init; }

    /// <summary>SHA-256 (first 64 bits, hex) of the row's values and BLOB, leaving out write-back columns.</summary>
    public required string RowHash { get; init; }

    public (TypedValue Watermark, TypedValue Key) Position => (Watermark!.Value, Key!.Value);
}

/// <summary>Which rows a pass reads; every range is ordered by (watermark, key).</summary>
internal sealed record RowRange
{
    /// <summary>Inclusive lower bound on the watermark (the overlap window's start).</summary>
    public TypedValue? From { get; init; }

    /// <summary>Exclusive keyset cursor: rows after this (watermark, key).</summary>
    public (TypedValue Watermark, TypedValue Key)? After { get; init; }

    /// <summary>Inclusive upper bound: rows up to this (watermark, key).</summary>
    public (TypedValue Watermark, TypedValue Key)? UpTo { get; init; }

    /// <summary>Only rows the write-back has not marked yet.</summary>
    public bool UnmarkedOnly { get; init; }

    /// <summary>Rows whose watermark or key is NULL, which no keyset range can reach; read in one go.</summary>
    public bool Anomalies { get; init; }
}
