using System.Text.Json;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>A 2xx response whose body is not JSON (truncated, an HTML error page): transient, so it is retried.</summary>
internal sealed class InvalidJsonResponseException(Uri? url, int length, JsonException inner)
    : Exception($"the {length}-byte response of {SafeUrl.Display(url)} is not valid JSON: {inner.Message}", inner);
