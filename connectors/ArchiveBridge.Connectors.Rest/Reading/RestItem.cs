using System.Text.Json;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>One list item that passed the position filter, with what the record builder needs to know about it.</summary>
/// <param name="Element">The item as listed (points into its page's document, which stays alive with it).</param>
/// <param name="Key">The <c>key</c> field's value, when present.</param>
/// <param name="Position">The checkpoint this item completes (incremental reads only).</param>
/// <param name="PageUrl">The list request that returned it, for error messages.</param>
/// <param name="Ordinal">1-based number of the item in this read.</param>
internal sealed record RestItem(JsonElement Element, string? Key, RestPosition? Position, Uri PageUrl, long Ordinal);
