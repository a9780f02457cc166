using System.Net;
using System.Text.Json;
using ArchiveBridge.Core;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// OAuth2 client credentials: one token shared by all calls of the connector, fetched when first needed, again
/// shortly before it expires, and again when the source refuses it (after a restart of the OA server, say).
/// </summary>
internal sealed class OAuth2TokenSource(IOAuthTokenApi api, RestCredentials credentials, TimeProvider time, ILogger logger, string connectorId) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && cached.ExpiresAt > time.GetUtcNow()) return cached.Token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched it while this one waited.
            if (_current is { } fresh && fresh.ExpiresAt > time.GetUtcNow()) return fresh.Token;
            var token = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _current = token;
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the current one, so the next call fetches a new token once.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } cached && cached.Token == token) _current = null;
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId!,
            ["client_secret"] = credentials.ClientSecret!,
        };
        if (credentials.Scope is { } scope) form["scope"] = scope;

        var url = SafeUrl.Display(credentials.TokenUrl);
        using var response = await api.RequestTokenAsync(form, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        // Server-side trouble is transient: thrown as HttpRequestException so the caller's resilience pipeline retries it.
        if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            throw new HttpRequestException($"the token endpoint {url} answered {status} {response.ReasonPhrase}", null, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new ConnectorException(connectorId, $"the token endpoint {url} answered {status} {response.ReasonPhrase}: check auth.clientId and auth.clientSecret");

        var root = ((ParsedJsonContent)response.Content).Document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var accessToken)
            || accessToken.ValueKind != JsonValueKind.String || accessToken.GetString() is not { Length: > 0 } token)
            throw new ConnectorException(connectorId, $"the token endpoint {url} answered without an access_token");

        var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromHours(1);
        Log.TokenObtained(logger, connectorId, url, lifetime);
        // Renew a little early, so a token does not expire between our check and the server's.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, lifetime.Ticks / 10));
        return new CachedToken(token, time.GetUtcNow() + lifetime - margin);
    }

    public void Dispose() => _gate.Dispose();

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt);
}
