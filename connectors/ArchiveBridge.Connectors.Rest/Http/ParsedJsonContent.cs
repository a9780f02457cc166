using System.Net;
using System.Text.Json;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// A response body already parsed by <see cref="JsonResponseHandler"/>. The document is handed on to the records
/// built from it (their <c>JsonSourceFields</c> point into it), so disposing the content does not dispose it.
/// </summary>
internal sealed class ParsedJsonContent(JsonDocument document, byte[] utf8) : HttpContent
{
    public JsonDocument Document { get; } = document;

    public int Length => utf8.Length;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(utf8, 0, utf8.Length);

    protected override bool TryComputeLength(out long length)
    {
        length = utf8.Length;
        return true;
    }
}
