using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;

namespace DemoOa;

/// <summary>
/// <c>GET /api/documents</c> (one list, four ways to page through it) and <c>GET /api/documents/{id}</c>.
/// Paging: <c>page</c>+<c>size</c>, <c>offset</c>+<c>limit</c>, or <c>cursor</c>; every response also carries
/// <c>data.nextCursor</c>, <c>links.next</c> and a <c>Link: rel="next"</c> header. <c>updatedSince</c> is inclusive.
/// <c>shape=array</c> answers the bare item array (paging then only through the Link header).
/// </summary>
internal static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents", List);
        app.MapGet("/api/documents/{id}", (string id, HttpContext http, DemoDocumentStore store) =>
            store.Find(id) is { } document
                ? Results.Ok(Detail(document, http.Request))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"no document '{id}'"));
    }

    private static IResult List(HttpContext http, DemoDocumentStore store, DemoOaOptions options)
    {
        var query = http.Request.Query;
        if (!TryInt(query, "page", out var page) || !TryInt(query, "size", out var size) || !TryInt(query, "offset", out var offset)
            || !TryInt(query, "limit", out var limit))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "page, size, offset and limit must be integers");
        DateTimeOffset? since = null;
        if (query["updatedSince"].ToString() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"updatedSince '{sinceText}' is not a date-time");
            since = parsed;
        }

        var all = store.Query(since);
        var take = Math.Min(limit ?? size ?? options.DefaultPageSize, options.MaxPageSize);
        if (take < 1 || page < 1 || offset < 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "page and size must be positive, offset not negative");

        int skip;
        var cursor = query["cursor"].ToString();
        if (cursor.Length > 0)
        {
            if (DecodeCursor(cursor) is not var (at, id))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"bad cursor '{cursor}'");
            skip = all.Count(d => d.UpdatedAt < at || (d.UpdatedAt == at && string.CompareOrdinal(d.Id, id) <= 0));
        }
        else if (offset is not null || limit is not null) skip = offset ?? 0;
        else skip = ((page ?? 1) - 1) * take;

        var window = all.Skip(skip).Take(take).ToList();
        var hasMore = skip + window.Count < all.Count && window.Count > 0;
        var nextCursor = hasMore ? EncodeCursor(window[^1]) : null;
        var next = nextCursor is null ? null : NextLink(http.Request, nextCursor);
        if (next is not null) http.Response.Headers.Link = $"<{next}>; rel=\"next\"";

        var items = window.Select(Summary).ToList();
        if (query["shape"] == "array") return Results.Ok(items);
        return Results.Ok(new
        {
            data = new { items, total = all.Count, page, size = take, nextCursor },
            links = new { next },
        });
    }

    private static object Summary(DemoDocument d) =>
        new { id = d.Id, title = d.Title, docNumber = d.DocNumber, department = d.Department, updatedAt = Format(d.UpdatedAt) };

    private static object Detail(DemoDocument d, HttpRequest request) => new
    {
        id = d.Id,
        title = d.Title,
        docNumber = d.DocNumber,
        docType = d.DocType,
        issuedAt = d.IssuedAt,
        department = d.Department,
        author = d.Author,
        security = d.Security,
        retention = d.Retention,
        keywords = d.Keywords,
        pages = d.Pages,
        updatedAt = Format(d.UpdatedAt),
        attachments = d.Attachments.Select(a => new
        {
            name = a.Name,
            url = a.Absolute ? $"{request.Scheme}://{request.Host}{a.Url}" : a.Url,
            sha256 = a.Sha256,
            size = a.Size,
            mediaType = a.MediaType,
        }),
    };

    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string EncodeCursor(DemoDocument last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Format(last.UpdatedAt)}|{last.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset At, string Id)? DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return text.Split('|', 2) is [var at, var id] && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)
                ? (when, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string NextLink(HttpRequest request, string cursor)
    {
        var kept = request.Query.Where(p => p.Key is not ("page" or "offset" or "cursor"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
        var query = new QueryBuilder(kept) { { "cursor", cursor } };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    private static bool TryInt(IQueryCollection query, string name, out int? value)
    {
        value = null;
        var text = query[name].ToString();
        if (text.Length == 0) return true;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
