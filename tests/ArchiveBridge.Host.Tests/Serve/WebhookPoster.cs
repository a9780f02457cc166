using System.Net;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Serve;

/// <summary>
/// A business system sending signed webhooks (Standard Webhooks) a few at a time. A post that fails (refused,
/// reset, not 202) is simply not reported: the caller decides what the sender retries.
/// </summary>
internal static class WebhookPoster
{
    public static async Task PostAsync(Uri baseAddress, IReadOnlyList<string> webhookIds, Func<string, string> body, Action<string> accepted,
        string connectorId = "oa-push", int concurrency = 16)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var next = -1;
        async Task SendLoopAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < webhookIds.Count)
            {
                var id = webhookIds[i];
                using var request = SignedWebhook.Standard(connectorId, body(id), id, TimeProvider.System.GetUtcNow());
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Accepted) accepted(id);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server went away mid-request: no 202, so the sender must retry it.
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(SendLoopAsync)));
    }
}
