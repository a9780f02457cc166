using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// Puts the connector's credentials on each attempt (inside the resilience pipeline, so a retry after a token
/// refresh carries the new token). With OAuth2, a 401 drops the token and the request is sent once more with a new one.
/// </summary>
internal sealed class AuthenticationHandler(RestCredentials credentials, OAuth2TokenSource? tokens, ILogger logger, string connectorId) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || tokens is null || token is null) return response;

        Log.TokenRefused(logger, connectorId, SafeUrl.Display(request.RequestUri));
        response.Dispose();
        tokens.Invalidate(token);
        await ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the credential header; returns the OAuth2 token used, if any.</summary>
    private async ValueTask<string?> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (credentials.Type)
        {
            case RestAuthType.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
                return null;
            case RestAuthType.Basic:
                var pair = Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
                return null;
            case RestAuthType.ApiKey:
                request.Headers.Remove(credentials.Header);
                request.Headers.TryAddWithoutValidation(credentials.Header, credentials.Key);
                return null;
            case RestAuthType.OAuth2 when tokens is not null:
                var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return token;
            default:
                return null;
        }
    }
}
