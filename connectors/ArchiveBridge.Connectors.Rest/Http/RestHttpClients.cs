using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Refit;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// The HTTP stack of one connector, built when the connector is created from its settings:
/// <code>
/// API:     Refit -> ResilienceHandler(pipeline) -> JsonResponseHandler -> AuthenticationHandler -> SocketsHttpHandler
/// files:           ResilienceHandler(pipeline) ----------------------> AuthenticationHandler -> SocketsHttpHandler
/// token:   Refit ------------------------------> JsonResponseHandler -------------------------> SocketsHttpHandler
/// </code>
/// Why not IHttpClientFactory named clients: connectors come from the config file at run time, after the container is
/// built, while named clients and their resilience handlers must be registered before. One pipeline instance per
/// connector also gives API and attachment calls one circuit breaker, i.e. one view of the source's health. The token
/// call has no pipeline of its own: it runs inside an API attempt, whose pipeline retries it (no nested retries).
/// </summary>
internal sealed class RestHttpClients : IDisposable
{
    private readonly HttpMessageHandler _transport;
    private readonly HttpClient _api;
    private readonly HttpClient? _token;
    private readonly OAuth2TokenSource? _tokens;
    private readonly RateLimiter? _limiter;

    public RestHttpClients(string connectorId, RestConnectorOptions options, RestCredentials credentials, TimeProvider time, ILogger logger)
    {
        BaseUrl = new Uri(options.BaseUrl!.TrimEnd('/'), UriKind.Absolute);
        _transport = new SocketsHttpHandler
        {
            // Redirects are followed by hand for attachments, each hop checked against the allowed hosts.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.Resilience.AttemptTimeout,
        };
        var pipeline = RestResiliencePipeline.Build(connectorId, options, time, logger, out _limiter);

        if (credentials.Type == RestAuthType.OAuth2)
        {
            _token = new HttpClient(new JsonResponseHandler { InnerHandler = _transport }, disposeHandler: false)
            {
                BaseAddress = credentials.TokenUrl,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _tokens = new OAuth2TokenSource(RestService.For<IOAuthTokenApi>(_token), credentials, time, logger, connectorId);
        }

        _api = new HttpClient(new ResilienceHandler(pipeline)
        {
            InnerHandler = new JsonResponseHandler { InnerHandler = new AuthenticationHandler(credentials, _tokens, logger, connectorId) { InnerHandler = _transport } },
        }, disposeHandler: false)
        {
            BaseAddress = BaseUrl,
            // Polly owns every timeout; HttpClient's own 100 s would cut across them.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Api = RestService.For<IRestSourceApi>(_api);

        Files = new HttpClient(new ResilienceHandler(pipeline)
        {
            InnerHandler = new AuthenticationHandler(credentials, _tokens, logger, connectorId) { InnerHandler = _transport },
        }, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary><c>baseUrl</c> without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public IRestSourceApi Api { get; }

    /// <summary>For attachment downloads: absolute URLs, streamed, redirects not followed.</summary>
    public HttpClient Files { get; }

    public void Dispose()
    {
        _api.Dispose();
        Files.Dispose();
        _token?.Dispose();
        _tokens?.Dispose();
        _limiter?.Dispose();
        _transport.Dispose();
    }
}
