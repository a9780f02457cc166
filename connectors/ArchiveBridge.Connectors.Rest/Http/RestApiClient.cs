using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using ArchiveBridge.Core;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>One parsed API response: the URL it came from, its JSON, and its <c>Link: rel="next"</c> target.</summary>
internal sealed record RestResponse(Uri Url, JsonDocument Document, string? LinkNext);

/// <summary>
/// Calls the source API and turns what resilience could not cure into a <see cref="ConnectorException"/> that says what
/// failed, where (the URL without secrets) and which setting bounds it. The run then ends failed and keeps its checkpoint.
/// </summary>
internal sealed class RestApiClient(RestHttpClients http, RestConnectorOptions options, string connectorId)
{
    public Uri BaseUrl => http.BaseUrl;

    /// <summary>GETs <paramref name="path"/> (relative to <c>baseUrl</c>, unescaped); null when <paramref name="allowNotFound"/> and the source says 404/410.</summary>
    public async Task<RestResponse?> GetAsync(string path, IDictionary<string, string> query, bool allowNotFound, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.Api.GetAsync(path, query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Refit wraps what the handlers threw; the cause is what matters.
            var cause = e is ApiRequestException { InnerException: { } inner } ? inner : e;
            cancellationToken.ThrowIfCancellationRequested();
            if (cause is ConnectorException) ExceptionDispatchInfo.Throw(cause);
            throw new ConnectorException(connectorId, $"GET {Display(path, query)} failed: {Describe(cause)}", cause);
        }

        using (response)
        {
            var url = response.RequestMessage?.RequestUri ?? new Uri(Display(path, query));
            if (allowNotFound && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
            if (!response.IsSuccessStatusCode)
                throw new ConnectorException(connectorId, $"GET {SafeUrl.Display(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}{Hint(response.StatusCode)}");
            if (response.Content is not ParsedJsonContent json)
                throw new ConnectorException(connectorId, $"GET {SafeUrl.Display(url)} answered without a body");
            return new RestResponse(url, json.Document, LinkHeader.FindNext(response.Headers));
        }
    }

    private string Hint(HttpStatusCode status)
    {
        var r = options.Resilience;
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (check the connector's auth settings)",
            HttpStatusCode.NotFound => " (check baseUrl and list.path)",
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError
                => $" after {r.MaxRetries} retries (resilience.maxRetries)",
            _ => "",
        };
    }

    private string Describe(Exception e)
    {
        var r = options.Resilience;
        return e switch
        {
            TimeoutRejectedException => $"timed out (resilience.attemptTimeout {RestSettingsBinder.Format(r.AttemptTimeout)}, "
                                        + $"resilience.totalTimeout {RestSettingsBinder.Format(r.TotalTimeout)}, {r.MaxRetries} retries)",
            BrokenCircuitException => "the circuit breaker is open after repeated failures; the source is left alone for "
                                      + $"resilience.circuitBreaker.breakDuration {RestSettingsBinder.Format(r.CircuitBreaker.BreakDuration)}",
            RateLimiterRejectedException => "the rate limiter's queue is full (rateLimit.permitsPerSecond)",
            InvalidJsonResponseException json => $"{json.Message} (after {r.MaxRetries} retries)",
            HttpRequestException http => $"{http.Message} (after {r.MaxRetries} retries)",
            _ => e.Message,
        };
    }

    private string Display(string path, IDictionary<string, string> query)
    {
        var text = new StringBuilder(http.BaseUrl.ToString().TrimEnd('/')).Append('/').Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return SafeUrl.Display(new Uri(text.ToString()));
    }
}
