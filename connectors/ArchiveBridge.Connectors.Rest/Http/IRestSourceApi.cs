using Refit;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// The source API as Refit sees it: one GET under <c>baseUrl</c>, since list and detail paths come from settings.
/// It returns the raw response: its content is already parsed JSON (<see cref="ParsedJsonContent"/>), and the
/// status decides what the connector does, so Refit must not throw on it.
/// </summary>
internal interface IRestSourceApi
{
    [Get("/{**path}")]
    Task<HttpResponseMessage> GetAsync(string path, [Query] IDictionary<string, string> query, CancellationToken cancellationToken);
}
