namespace DemoOa;

/// <summary>One request the demo OA answered, as tests and the console see it.</summary>
public sealed record DemoRequest(string Method, string Path, string Query, int Status, DemoFaultKind? Fault, string? Authorization);

/// <summary>Every request the demo OA answered, in order: tests assert on what the connector actually sent.</summary>
public sealed class DemoRequestJournal
{
    private readonly Lock _lock = new();
    private readonly List<DemoRequest> _requests = [];

    public IReadOnlyList<DemoRequest> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    /// <summary>The requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<DemoRequest> For(string pathPrefix) =>
        [.. Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

    internal void Add(DemoRequest request)
    {
        lock (_lock) _requests.Add(request);
    }
}

/// <summary>Records each request once its response is decided (aborted connections included).</summary>
internal sealed class DemoJournalMiddleware(RequestDelegate next, DemoRequestJournal journal)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var fault = context.Items.TryGetValue(DemoFaultMiddleware.FaultItemKey, out var f) ? (DemoFaultKind?)f : null;
            journal.Add(new DemoRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                context.Response.StatusCode, fault, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null));
        }
    }
}
