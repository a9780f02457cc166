using System.Text.Json;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// Reads and parses each successful API response inside the attempt that fetched it. So a body cut short, a reset
/// while reading it, or truncated JSON fail that attempt, and the resilience pipeline around this handler retries
/// them like any transient fault, under the same attempt timeout.
/// </summary>
internal sealed class JsonResponseHandler : DelegatingHandler
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return response;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes, Options);
            }
            catch (JsonException e)
            {
                throw new InvalidJsonResponseException(request.RequestUri, bytes.Length, e);
            }
            var parsed = new ParsedJsonContent(document, bytes);
            foreach (var header in response.Content.Headers) parsed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content.Dispose();
            response.Content = parsed;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
