using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>
/// Walks the list endpoint page by page, in the configured paging style, and hands out the items not yet passed.
/// <para>
/// Incremental page/offset walks re-anchor after every page: the next request asks again from the last item's
/// watermark, starting at the first page. Page numbers would shift when a record is edited mid-sync (it jumps to the
/// end and every later item moves up one, so one is never seen); a watermark does not move. Items at or before the
/// position passed are skipped, so re-asking repeats nothing. When a whole page shares one watermark value the walk
/// steps to the next page under the same anchor, so it always progresses.
/// </para>
/// </summary>
internal sealed class RestPageReader
{
    private readonly RestApiClient _api;
    private readonly RestConnectorOptions _options;
    private readonly string _connectorId;
    private readonly ILogger _logger;
    private readonly ListRequestBuilder _requests;
    private readonly FieldPath? _items, _key, _field, _tieBreak, _cursorPath, _nextPath, _totalPath;

    public RestPageReader(RestApiClient api, RestConnectorOptions options, string connectorId, ILogger logger)
    {
        _api = api;
        _options = options;
        _connectorId = connectorId;
        _logger = logger;
        _requests = new ListRequestBuilder(options, api.BaseUrl, connectorId);
        _items = JsonNavigator.Parse(options.List.Items);
        _key = JsonNavigator.Parse(options.Key);
        _field = JsonNavigator.Parse(options.Incremental?.Field);
        _tieBreak = JsonNavigator.Parse(options.Incremental?.TieBreak) ?? _key;
        _cursorPath = JsonNavigator.Parse(options.Paging.CursorPath);
        _nextPath = JsonNavigator.Parse(options.Paging.NextPath);
        _totalPath = JsonNavigator.Parse(options.Paging.TotalPath);
    }

    private RestPagingOptions Paging => _options.Paging;

    private bool WalksByNumber => Paging.Style is RestPagingStyle.Page or RestPagingStyle.Offset;

    public async IAsyncEnumerable<IReadOnlyList<RestItem>> ReadAsync(RestPosition? start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var anchor = start is not null && _options.Incremental is { } inc ? SortValue.Anchor(start.Value, inc.Overlap) : null;
        var state = new PagingState(start, anchor, Paging.FirstPage);
        for (var request = 1; ; request++)
        {
            if (request > Paging.MaxPages)
                throw new ConnectorException(_connectorId, $"more than paging.maxPages ({Paging.MaxPages}) list requests in one read: "
                                                            + "the source seems to page forever (check the paging settings), or raise the limit");
            var (path, query) = _requests.Next(state);
            var response = (await _api.GetAsync(path, query, allowNotFound: false, cancellationToken).ConfigureAwait(false))!;
            var items = Items(response);
            Log.PageRead(_logger, _connectorId, SafeUrl.Display(response.Url), items.Count);
            yield return Filter(items, response.Url, state);
            if (!Advance(state, items, response)) yield break;
        }
    }

    private List<JsonElement> Items(RestResponse response)
    {
        var root = response.Document.RootElement;
        var found = JsonNavigator.Find(root, _items);
        var where = $"list.items '{_options.List.Items}' in the response of GET {SafeUrl.Display(response.Url)}";
        if (found is not { } array)
        {
            var fields = root.ValueKind == JsonValueKind.Object ? string.Join(", ", root.EnumerateObject().Select(p => p.Name)) : root.ValueKind.ToString();
            throw new ConnectorException(_connectorId, $"{where} is missing (the response has: {fields})");
        }
        if (array.ValueKind == JsonValueKind.Null) return [];
        if (array.ValueKind != JsonValueKind.Array) throw new ConnectorException(_connectorId, $"{where} is {array.ValueKind}, not an array");
        return [.. array.EnumerateArray()];
    }

    private List<RestItem> Filter(List<JsonElement> items, Uri url, PagingState state)
    {
        var result = new List<RestItem>(items.Count);
        var pageKeys = new HashSet<string>(StringComparer.Ordinal);
        RestPosition? previous = null;
        foreach (var item in items)
        {
            var key = JsonNavigator.Text(item, _key);
            if (_options.Incremental is not null)
            {
                var value = JsonNavigator.Text(item, _field);
                var tie = _tieBreak == _key ? key : JsonNavigator.Text(item, _tieBreak);
                var position = value is not null && tie is not null ? new RestPosition(value, tie) : null;
                if (position is not null)
                {
                    // Skipping by position is only safe on a sorted list; a source that ignores the sort would lose records.
                    if (previous is not null && position.CompareTo(previous) < 0)
                        throw new ConnectorException(_connectorId, $"GET {SafeUrl.Display(url)} is not sorted by ({_options.Incremental.Field}, "
                            + $"{_tieBreak}): {position} comes after {previous}; set incremental.sortParams so the source sorts ascending");
                    previous = position;
                    if (state.Position is not null && position.CompareTo(state.Position) <= 0) continue;
                    state.Position = position;
                }
                result.Add(new RestItem(item, key, position ?? state.Position, url, ++state.Ordinal));
                continue;
            }
            if (WalksByNumber && key is not null)
            {
                pageKeys.Add(key);
                if (state.PreviousKeys.Contains(key)) continue;
            }
            result.Add(new RestItem(item, key, null, url, ++state.Ordinal));
        }
        if (WalksByNumber) state.PreviousKeys = pageKeys;
        return result;
    }

    private bool Advance(PagingState state, List<JsonElement> items, RestResponse response)
    {
        if (items.Count == 0) return false;
        var root = response.Document.RootElement;
        state.SeenUnderAnchor += items.Count;
        if (JsonNavigator.Text(root, _totalPath) is { } totalText && long.TryParse(totalText, out var total) && state.SeenUnderAnchor >= total)
            return false;

        switch (Paging.Style)
        {
            case RestPagingStyle.Page or RestPagingStyle.Offset:
                if (_options.Incremental is not null && JsonNavigator.Text(items[^1], _field) is { } last
                    && (state.Anchor is null || SortValue.Compare(last, state.Anchor) > 0))
                {
                    state.Anchor = last;
                    state.Page = Paging.FirstPage;
                    state.Offset = 0;
                    state.SeenUnderAnchor = 0;
                }
                else
                {
                    state.Page++;
                    state.Offset += items.Count;
                }
                return true;
            case RestPagingStyle.Cursor:
                if (JsonNavigator.Text(root, _cursorPath) is not { } cursor) return false;
                if (cursor == state.Cursor)
                    throw new ConnectorException(_connectorId, $"GET {SafeUrl.Display(response.Url)} gave the same cursor again ('{cursor}'); stopping a loop");
                state.Cursor = cursor;
                return true;
            default:
                var link = _nextPath is not null ? JsonNavigator.Text(root, _nextPath) : response.LinkNext;
                if (link is null) return false;
                var next = new Uri(response.Url, link);
                if (next == response.Url)
                    throw new ConnectorException(_connectorId, $"GET {SafeUrl.Display(response.Url)} links to itself as the next page; stopping a loop");
                state.Next = next;
                return true;
        }
    }
}
