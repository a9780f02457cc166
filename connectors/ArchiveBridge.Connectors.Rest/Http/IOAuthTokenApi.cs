using Refit;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>The OAuth2 token endpoint (its base address is <c>auth.tokenUrl</c> itself).</summary>
internal interface IOAuthTokenApi
{
    [Post("")]
    Task<HttpResponseMessage> RequestTokenAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
