using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// Cross-field checks of <see cref="RestConnectorOptions"/>: one (setting, message) per problem, the message naming
/// the value at fault. Bounds match those Polly enforces, so a bad value fails here with the setting's name.
/// </summary>
internal static class RestConnectorOptionsValidator
{
    public static IEnumerable<(string Setting, string Message)> Validate(RestConnectorOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.BaseUrl))
            yield return ("baseUrl", "is required (the API root, e.g. http://127.0.0.1:5090/api)");
        else if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            yield return ("baseUrl", $"must be an absolute http or https URL (was '{o.BaseUrl}')");

        foreach (var problem in Paths(o)) yield return problem;

        var p = o.Paging;
        if (p.Size is < 1 or > 10_000) yield return ("paging.size", $"must be between 1 and 10000 (was {p.Size})");
        if (p.FirstPage < 0) yield return ("paging.firstPage", $"must be 0 or more (was {p.FirstPage})");
        if (p.MaxPages < 1) yield return ("paging.maxPages", $"must be at least 1 (was {p.MaxPages})");
        switch (p.Style)
        {
            case RestPagingStyle.Page when string.IsNullOrWhiteSpace(p.PageParam):
                yield return ("paging.pageParam", "is required for paging.style 'page'");
                break;
            case RestPagingStyle.Offset when string.IsNullOrWhiteSpace(p.OffsetParam) || string.IsNullOrWhiteSpace(p.LimitParam):
                yield return ("paging.offsetParam", "paging.offsetParam and paging.limitParam are required for paging.style 'offset'");
                break;
            case RestPagingStyle.Cursor when string.IsNullOrWhiteSpace(p.CursorPath):
                yield return ("paging.cursorPath", "is required for paging.style 'cursor' (where the next cursor is in the response, e.g. data.nextCursor)");
                break;
            case RestPagingStyle.Cursor when string.IsNullOrWhiteSpace(p.CursorParam):
                yield return ("paging.cursorParam", "is required for paging.style 'cursor'");
                break;
        }

        if (o.Incremental is { } inc)
        {
            if (string.IsNullOrWhiteSpace(inc.Field)) yield return ("incremental.field", "is required (the watermark field, e.g. updatedAt)");
            if (string.IsNullOrWhiteSpace(inc.Param)) yield return ("incremental.param", "is required (the query parameter for the watermark, e.g. updatedSince)");
            if (inc.Overlap < TimeSpan.Zero) yield return ("incremental.overlap", $"must not be negative (was {RestSettingsBinder.Format(inc.Overlap)})");
        }

        if (o.Detail is { } detail)
        {
            if (!detail.Path.Contains('{', StringComparison.Ordinal) || !detail.Path.Contains('}', StringComparison.Ordinal))
                yield return ("detail.path", $"must name an item field in braces, e.g. /documents/{{id}} (was '{detail.Path}')");
            if (detail.Concurrency is < 1 or > 64) yield return ("detail.concurrency", $"must be between 1 and 64 (was {detail.Concurrency})");
        }

        if (string.IsNullOrWhiteSpace(o.Key)) yield return ("key", "is required (the item field that identifies a record, e.g. id)");

        var a = o.Attachments;
        if (a.MaxBytes < 1) yield return ("attachments.maxBytes", $"must be at least 1 (was {a.MaxBytes})");
        if (a.MaxRedirects is < 0 or > 20) yield return ("attachments.maxRedirects", $"must be between 0 and 20 (was {a.MaxRedirects})");
        for (var i = 0; i < a.AllowedHosts.Count; i++)
            if (string.IsNullOrWhiteSpace(a.AllowedHosts[i]) || a.AllowedHosts[i].Contains('/', StringComparison.Ordinal))
                yield return ($"attachments.allowedHosts[{i}]", $"must be a host name or host:port, not a URL (was '{a.AllowedHosts[i]}')");

        foreach (var problem in RestAuthValidator.Validate(o.Auth)) yield return problem;
        foreach (var problem in Resilience(o.Resilience)) yield return problem;

        if (o.RateLimit is { PermitsPerSecond: < 1 or > 10_000 } rate)
            yield return ("rateLimit.permitsPerSecond", $"must be between 1 and 10000 (was {rate.PermitsPerSecond})");
    }

    private static IEnumerable<(string, string)> Paths(RestConnectorOptions o)
    {
        (string Setting, string? Path)[] paths =
        [
            ("list.items", o.List.Items), ("key", o.Key), ("changeToken", o.ChangeToken), ("paging.cursorPath", o.Paging.CursorPath),
            ("paging.nextPath", o.Paging.NextPath), ("paging.totalPath", o.Paging.TotalPath), ("incremental.field", o.Incremental?.Field),
            ("incremental.tieBreak", o.Incremental?.TieBreak), ("detail.item", o.Detail?.Item),
        ];
        foreach (var (setting, path) in paths)
        {
            if (string.IsNullOrWhiteSpace(path)) continue;
            string? error = null;
            try { FieldPath.Parse(path); }
            catch (FormatException e) { error = e.Message; }
            if (error is not null) yield return (setting, $"is not a field path: {error}");
        }
    }

    private static IEnumerable<(string, string)> Resilience(RestResilienceOptions r)
    {
        var f = RestSettingsBinder.Format;
        if (r.MaxRetries is < 0 or > 100) yield return ("resilience.maxRetries", $"must be between 0 and 100 (was {r.MaxRetries})");
        if (r.BaseDelay < TimeSpan.Zero || r.BaseDelay > TimeSpan.FromHours(1)) yield return ("resilience.baseDelay", $"must be between 00:00:00 and 01:00:00 (was {f(r.BaseDelay)})");
        if (r.MaxDelay < r.BaseDelay) yield return ("resilience.maxDelay", $"must not be less than resilience.baseDelay (was {f(r.MaxDelay)})");
        if (r.AttemptTimeout < TimeSpan.FromMilliseconds(10) || r.AttemptTimeout > TimeSpan.FromHours(1))
            yield return ("resilience.attemptTimeout", $"must be between 00:00:00.010 and 01:00:00 (was {f(r.AttemptTimeout)})");
        if (r.TotalTimeout < r.AttemptTimeout || r.TotalTimeout > TimeSpan.FromDays(1))
            yield return ("resilience.totalTimeout", $"must be at least resilience.attemptTimeout and at most 1.00:00:00 (was {f(r.TotalTimeout)})");
        var cb = r.CircuitBreaker;
        if (cb.FailureRatio is <= 0 or > 1) yield return ("resilience.circuitBreaker.failureRatio", $"must be above 0 and at most 1 (was {cb.FailureRatio})");
        if (cb.MinimumThroughput < 2) yield return ("resilience.circuitBreaker.minimumThroughput", $"must be at least 2 (was {cb.MinimumThroughput})");
        if (cb.SamplingDuration < TimeSpan.FromMilliseconds(500)) yield return ("resilience.circuitBreaker.samplingDuration", $"must be at least 00:00:00.500 (was {f(cb.SamplingDuration)})");
        if (cb.BreakDuration < TimeSpan.FromMilliseconds(500)) yield return ("resilience.circuitBreaker.breakDuration", $"must be at least 00:00:00.500 (was {f(cb.BreakDuration)})");
    }
}
