using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>Reads a webhook body within its limit, and checks it is the JSON the connector's mode needs.</summary>
internal static class WebhookBody
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        // The connector's limit replaces the server-wide one (it may be larger than Kestrel's 30 MB default).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes and parses the body; returns the text, or null with a problem naming line and position.</summary>
    public static string? Validate(byte[] body, bool requireObject, out JsonProblem? problem)
    {
        problem = null;
        // A byte-order mark is legal before JSON text (RFC 8259 lets receivers ignore it) but not in the stored document.
        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..];
        string text;
        try
        {
            text = StrictUtf8.GetString(json.Span);
        }
        catch (DecoderFallbackException ex)
        {
            problem = new JsonProblem($"the body is not UTF-8 (bad byte at offset {ex.Index})", null, null);
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (requireObject && document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = new JsonProblem($"a document webhook must be one JSON object, not {document.RootElement.ValueKind}", 1, 1);
                return null;
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            problem = new JsonProblem($"invalid JSON at line {line}, position {position}: {ex.Message}", line, position);
            return null;
        }
        return text;
    }
}

/// <summary>Why a body is not acceptable JSON; line and position are 1-based.</summary>
internal sealed record JsonProblem(string Detail, long? Line, long? Position);
