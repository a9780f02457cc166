using System.Globalization;
using System.Web;
using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Core;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>The path and query of the next list request: fixed query, sort and watermark parameters, and the paging step.</summary>
internal sealed class ListRequestBuilder
{
    private readonly RestConnectorOptions _options;
    private readonly Uri _baseUrl;
    private readonly string _connectorId;
    private readonly string _listPath;
    private readonly Dictionary<string, string> _listQuery;

    public ListRequestBuilder(RestConnectorOptions options, Uri baseUrl, string connectorId)
    {
        _options = options;
        _baseUrl = baseUrl;
        _connectorId = connectorId;
        // list.path may carry its own query ("/documents?status=published"); list.query adds to it.
        var question = options.List.Path.IndexOf('?', StringComparison.Ordinal);
        _listPath = (question < 0 ? options.List.Path : options.List.Path[..question]).Trim().TrimStart('/');
        _listQuery = question < 0 ? new(StringComparer.Ordinal) : ParseQuery(options.List.Path[question..]);
        foreach (var (name, value) in options.List.Query) _listQuery[name] = value;
    }

    /// <summary>The request for <paramref name="state"/>: path relative to baseUrl (unescaped) and query parameters.</summary>
    public (string Path, IDictionary<string, string> Query) Next(PagingState state)
    {
        var paging = _options.Paging;
        if (paging.Style == RestPagingStyle.Link && state.Next is { } next) return UnderBaseUrl(next);

        var query = new Dictionary<string, string>(_listQuery, StringComparer.Ordinal);
        if (_options.Incremental is { } inc)
        {
            foreach (var (name, value) in inc.SortParams) query[name] = value;
            if (state.Anchor is { } anchor) query[inc.Param] = anchor;
        }
        var size = paging.Size.ToString(CultureInfo.InvariantCulture);
        switch (paging.Style)
        {
            case RestPagingStyle.Page:
                query[paging.PageParam] = state.Page.ToString(CultureInfo.InvariantCulture);
                if (paging.SizeParam.Length > 0) query[paging.SizeParam] = size;
                break;
            case RestPagingStyle.Offset:
                query[paging.OffsetParam] = state.Offset.ToString(CultureInfo.InvariantCulture);
                query[paging.LimitParam] = size;
                break;
            default:
                if (paging.SizeParam.Length > 0) query[paging.SizeParam] = size;
                if (state.Cursor is { } cursor) query[paging.CursorParam] = cursor;
                break;
        }
        return (_listPath, query);
    }

    /// <summary>A next-page link as a path and query under baseUrl; a link elsewhere is refused (it would carry our credentials).</summary>
    private (string, IDictionary<string, string>) UnderBaseUrl(Uri next)
    {
        var basePath = _baseUrl.AbsolutePath.TrimEnd('/');
        var sameOrigin = next.Scheme == _baseUrl.Scheme && string.Equals(next.Host, _baseUrl.Host, StringComparison.OrdinalIgnoreCase) && next.Port == _baseUrl.Port;
        if (!sameOrigin || !(next.AbsolutePath == basePath || next.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal)))
            throw new ConnectorException(_connectorId, $"the next-page link {SafeUrl.Display(next)} leaves baseUrl {SafeUrl.Display(_baseUrl)}; links are only followed under it");
        var path = Uri.UnescapeDataString(next.AbsolutePath[basePath.Length..].TrimStart('/'));
        return (path, ParseQuery(next.Query));
    }

    // A parameter given twice keeps its values comma-joined (NameValueCollection's rule).
    private static Dictionary<string, string> ParseQuery(string query)
    {
        var parsed = HttpUtility.ParseQueryString(query);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in parsed.AllKeys)
            if (name is not null) result[name] = parsed[name] ?? "";
        return result;
    }
}
