namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// The <c>incremental</c> block: read only what changed since the checkpoint. The source must return items sorted by
/// (<see cref="Field"/>, <see cref="TieBreak"/>) ascending and treat <see cref="Param"/> as inclusive (&gt;=).
/// </summary>
public sealed class RestIncrementalOptions
{
    /// <summary>The watermark field of an item (a date-time or a number), e.g. <c>updatedAt</c>.</summary>
    public string Field { get; set; } = "updatedAt";

    /// <summary>The query parameter that carries the watermark, e.g. <c>updatedSince</c>.</summary>
    public string Param { get; set; } = "updatedSince";

    /// <summary>How far before the checkpoint to ask again, for clocks that disagree and coarse filters (date-times only).</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The field that orders items sharing a watermark value; defaults to <c>key</c>.</summary>
    public string? TieBreak { get; set; }

    /// <summary>Fixed parameters that make the source sort as required, e.g. <c>{ "_sort": "updatedAt,id" }</c>.</summary>
    public Dictionary<string, string> SortParams { get; set; } = new(StringComparer.Ordinal);
}
