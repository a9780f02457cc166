namespace DemoOa;

/// <summary>
/// <c>GET /files/{name}</c> serves the documents' files. A few extra routes play the awkward cases a connector
/// must handle: files too large (with and without <c>Content-Length</c>) and redirects, to the same host or to another.
/// </summary>
internal static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{name}", (string name, DemoDocumentStore store) =>
            store.FindAttachment(name) is { } file
                ? Results.File(DemoFiles.Content(file.Name), file.MediaType)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"no file '{name}'"));

        // size bytes with a Content-Length header.
        app.MapGet("/files/big/{size:long}", (long size) => Results.File(DemoFiles.Filler(size), "application/octet-stream"));

        // size bytes sent chunked, so the length is only known by counting.
        app.MapGet("/files/stream/{size:long}", async (long size, HttpContext http) =>
        {
            http.Response.ContentType = "application/octet-stream";
            var bytes = DemoFiles.Filler(size);
            for (var at = 0; at < bytes.Length; at += 1024)
            {
                await http.Response.Body.WriteAsync(bytes.AsMemory(at, Math.Min(1024, bytes.Length - at)), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        });

        // A redirect that stays on this host.
        app.MapGet("/files/moved/{name}", (string name) => Results.Redirect($"/files/{Uri.EscapeDataString(name)}"));

        // A redirect to another host name for this same server (127.0.0.1 <-> localhost).
        app.MapGet("/files/elsewhere/{name}", (string name, HttpContext http) =>
        {
            var other = http.Request.Host.Host == "localhost" ? "127.0.0.1" : "localhost";
            var port = http.Request.Host.Port ?? http.Connection.LocalPort;
            return Results.Redirect($"{http.Request.Scheme}://{other}:{port}/files/{Uri.EscapeDataString(name)}");
        });
    }
}
