namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>Where a page walk stands: the next page/offset/cursor/link, the watermark anchor and the last position passed.</summary>
internal sealed class PagingState(RestPosition? start, string? anchor, int firstPage)
{
    public RestPosition? Position { get; set; } = start;

    /// <summary>The watermark sent as <c>incremental.param</c>; null sends none (first full read).</summary>
    public string? Anchor { get; set; } = anchor;

    public int Page { get; set; } = firstPage;

    public long Offset { get; set; }

    public string? Cursor { get; set; }

    /// <summary>The next URL of the link style (absolute), after the first request.</summary>
    public Uri? Next { get; set; }

    /// <summary>Items returned since the anchor last moved: compared with the response's total.</summary>
    public long SeenUnderAnchor { get; set; }

    /// <summary>Keys of the previous page: a page that shifted by inserts repeats a few of them, which are skipped.</summary>
    public HashSet<string> PreviousKeys { get; set; } = new(StringComparer.Ordinal);

    public long Ordinal { get; set; }
}
