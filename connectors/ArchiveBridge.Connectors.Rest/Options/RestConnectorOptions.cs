namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// The <c>settings</c> block of a <c>rest</c> connector (DESIGN §9). Every key but <see cref="BaseUrl"/> is optional;
/// a block left out (<c>incremental</c>, <c>detail</c>, <c>rateLimit</c>) turns its feature off.
/// </summary>
public sealed class RestConnectorOptions
{
    /// <summary>The API root, e.g. <c>http://127.0.0.1:5090/api</c>; list, detail and relative attachment paths hang under it.</summary>
    public string? BaseUrl { get; set; }

    public RestListOptions List { get; set; } = new();

    public RestPagingOptions Paging { get; set; } = new();

    /// <summary>Incremental sync on a watermark field; without it every run reads everything (dedup keeps that cheap).</summary>
    public RestIncrementalOptions? Incremental { get; set; }

    /// <summary>A per-item detail call whose fields enrich the list item.</summary>
    public RestDetailOptions? Detail { get; set; }

    /// <summary>The item field used as <c>SourceRecord.SourceKey</c> (a dotted path).</summary>
    public string Key { get; set; } = "id";

    /// <summary>
    /// The field whose value changes whenever the record does (an etag or hash); defaults to <c>incremental.field</c>,
    /// else a SHA-256 of the item's JSON.
    /// </summary>
    public string? ChangeToken { get; set; }

    public RestAttachmentOptions Attachments { get; set; } = new();

    public RestAuthOptions Auth { get; set; } = new();

    public RestResilienceOptions Resilience { get; set; } = new();

    /// <summary>A client-side request rate cap, for sources that throttle.</summary>
    public RestRateLimitOptions? RateLimit { get; set; }
}
