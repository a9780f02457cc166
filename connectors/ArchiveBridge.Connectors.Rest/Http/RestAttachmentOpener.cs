using System.Net;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// Opens attachment URLs as streams: only on allowed hosts, redirects followed by hand (each hop checked), the size
/// capped before and while reading. Missing or refused files quarantine the record; a source that is down (5xx or no
/// connection after retries) fails the run instead, since every later record would fail the same way.
/// </summary>
internal sealed class RestAttachmentOpener(RestHttpClients http, RestConnectorOptions options, ILogger logger, string connectorId)
{
    private readonly HashSet<string> _allowedHosts = options.Attachments.AllowedHosts.Count > 0
        ? new(options.Attachments.AllowedHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase)
        : new([http.BaseUrl.Host], StringComparer.OrdinalIgnoreCase);

    public async ValueTask<Stream> OpenAsync(AttachmentReference reference, CancellationToken cancellationToken)
    {
        var max = options.Attachments.MaxBytes;
        if (reference.InlineContent is { } inline)
        {
            if (inline.Length > max) throw TooLarge(reference.Location, inline.Length);
            return new MemoryStream(inline.ToArray(), writable: false);
        }

        var url = Resolve(reference.Location);
        for (var hop = 0; hop <= options.Attachments.MaxRedirects; hop++)
        {
            EnsureAllowed(url, reference.Location);
            var response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                var next = new Uri(url, location);
                Log.AttachmentRedirect(logger, connectorId, SafeUrl.Display(url), SafeUrl.Display(next));
                url = next;
                continue;
            }
            try
            {
                Check(response, url);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return new SizeLimitedStream(stream, response, max, () => TooLarge(SafeUrl.Display(url), null));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        throw new AttachmentException(ReasonCodes.AttachmentUnreadable,
            $"attachment {SafeUrl.Display(url)}: more than {options.Attachments.MaxRedirects} redirects (attachments.maxRedirects)");
    }

    private Uri Resolve(string location)
    {
        // baseUrl is a folder: "files/a.pdf" lands under it, "/files/a.pdf" at the host's root.
        var baseFolder = new Uri(http.BaseUrl + "/");
        if (!Uri.TryCreate(baseFolder, location, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new AttachmentException(ReasonCodes.AttachmentHostNotAllowed,
                $"attachment '{location}' is not an http(s) URL or a path under baseUrl");
        return url;
    }

    private void EnsureAllowed(Uri url, string location)
    {
        if (_allowedHosts.Contains(url.Host) || _allowedHosts.Contains($"{url.Host}:{url.Port}")) return;
        var via = url.OriginalString == location ? "" : $" (reached from '{location}')";
        throw new AttachmentException(ReasonCodes.AttachmentHostNotAllowed,
            $"attachment {SafeUrl.Display(url)}{via} is on host '{url.Host}', which is not in attachments.allowedHosts [{string.Join(", ", _allowedHosts)}]");
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            return await http.Files.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (e is ConnectorException) throw;
            throw new ConnectorException(connectorId, $"GET attachment {SafeUrl.Display(url)} failed: {e.Message}", e);
        }
    }

    private void Check(HttpResponseMessage response, Uri url)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            throw new AttachmentException(ReasonCodes.AttachmentMissing, $"attachment {SafeUrl.Display(url)} does not exist ({(int)status} {response.ReasonPhrase})");
        if ((int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            throw new ConnectorException(connectorId, $"GET attachment {SafeUrl.Display(url)} answered {(int)status} {response.ReasonPhrase} after {options.Resilience.MaxRetries} retries");
        if (!response.IsSuccessStatusCode)
            throw new AttachmentException(ReasonCodes.AttachmentUnreadable, $"attachment {SafeUrl.Display(url)} answered {(int)status} {response.ReasonPhrase}");
        if (response.Content.Headers.ContentLength is { } length && length > options.Attachments.MaxBytes)
            throw TooLarge(SafeUrl.Display(url), length);
    }

    private AttachmentException TooLarge(string where, long? size) =>
        new(ReasonCodes.AttachmentTooLarge, size is { } s
            ? $"attachment {where} is {s} bytes, over attachments.maxBytes {options.Attachments.MaxBytes}"
            : $"attachment {where} is over attachments.maxBytes {options.Attachments.MaxBytes} bytes");

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
