namespace ArchiveBridge.Connectors.Rest;

/// <summary>The <c>list</c> block: which endpoint lists the records and where the items are in its response.</summary>
public sealed class RestListOptions
{
    /// <summary>Path under <c>baseUrl</c>, e.g. <c>/documents</c>; empty lists <c>baseUrl</c> itself.</summary>
    public string Path { get; set; } = "";

    /// <summary>Dotted path of the item array in the response (<c>data.items</c>); empty means the response is the array.</summary>
    public string Items { get; set; } = "data.items";

    /// <summary>Fixed query parameters sent with every list request (e.g. <c>{ "status": "published" }</c>).</summary>
    public Dictionary<string, string> Query { get; set; } = new(StringComparer.Ordinal);
}
