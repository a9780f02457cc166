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

    private readonly List<(Func<DemoRequest, bool> Match, TaskCompletionSource<DemoRequest> Found)> _waiters = [];

    /// <summary>
    /// The first request that matches, once it is recorded: an aborted request is recorded when the server notices the
    /// abort, which can be after later requests were answered.
    /// </summary>
    public Task<DemoRequest> WhenAsync(Func<DemoRequest, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_lock)
        {
            if (_requests.FirstOrDefault(match) is { } seen) return Task.FromResult(seen);
            var found = new TaskCompletionSource<DemoRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    internal void Add(DemoRequest request)
    {
        List<TaskCompletionSource<DemoRequest>>? found = null;
        lock (_lock)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(request)) continue;
                (found ??= []).Add(_waiters[i].Found);
                _waiters.RemoveAt(i);
            }
        }
        if (found is not null) foreach (var f in found) f.TrySetResult(request);
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
