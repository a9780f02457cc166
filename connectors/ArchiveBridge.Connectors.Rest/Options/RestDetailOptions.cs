namespace ArchiveBridge.Connectors.Rest;

/// <summary>The <c>detail</c> block: one more call per item whose fields are merged over the list item's.</summary>
public sealed class RestDetailOptions
{
    /// <summary>A path template under <c>baseUrl</c> naming item fields in braces: <c>/documents/{id}</c>. Also the record's source URL.</summary>
    public string Path { get; set; } = "";

    /// <summary>Dotted path of the document in the detail response; empty means the response is the document.</summary>
    public string Item { get; set; } = "";

    /// <summary>How many detail calls of one page run at once; records still come out in list order.</summary>
    public int Concurrency { get; set; } = 4;
}
