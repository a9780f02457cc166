namespace ArchiveBridge.Connectors.Rest;

/// <summary>How the list endpoint pages.</summary>
public enum RestPagingStyle
{
    /// <summary><c>?page=1&amp;size=100</c>, page numbers from <see cref="RestPagingOptions.FirstPage"/>.</summary>
    Page,

    /// <summary><c>?offset=0&amp;limit=100</c>.</summary>
    Offset,

    /// <summary>An opaque cursor from the response (<see cref="RestPagingOptions.CursorPath"/>) sent back as <see cref="RestPagingOptions.CursorParam"/>.</summary>
    Cursor,

    /// <summary>A next-page URL in the body (<see cref="RestPagingOptions.NextPath"/>) or the <c>Link: rel="next"</c> header.</summary>
    Link,
}

/// <summary>The <c>paging</c> block. Walking stops on an empty page, when <c>totalPath</c> is reached, or when there is no next cursor/link.</summary>
public sealed class RestPagingOptions
{
    public RestPagingStyle Style { get; set; } = RestPagingStyle.Page;

    public string PageParam { get; set; } = "page";

    /// <summary>The page size parameter (page, cursor and link styles); empty sends none.</summary>
    public string SizeParam { get; set; } = "size";

    public int Size { get; set; } = 100;

    /// <summary>The number of the first page: 1, or 0 for zero-based APIs.</summary>
    public int FirstPage { get; set; } = 1;

    public string OffsetParam { get; set; } = "offset";

    public string LimitParam { get; set; } = "limit";

    public string CursorParam { get; set; } = "cursor";

    /// <summary>Dotted path of the next cursor in the response (required for the cursor style).</summary>
    public string? CursorPath { get; set; }

    /// <summary>Dotted path of the next page URL in the body (link style); when unset the Link header is used.</summary>
    public string? NextPath { get; set; }

    /// <summary>Dotted path of the total item count, when the API gives one: saves the request for the empty last page.</summary>
    public string? TotalPath { get; set; }

    /// <summary>A bound on the requests of one read, so that a source that pages forever cannot hang a run.</summary>
    public int MaxPages { get; set; } = 100_000;
}
