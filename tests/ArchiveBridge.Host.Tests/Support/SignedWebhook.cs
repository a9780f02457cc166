using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ArchiveBridge.Host.Webhooks;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>Webhook requests signed as a business system would sign them.</summary>
internal static class SignedWebhook
{
    public static HttpRequestMessage Standard(string connectorId, string body, string webhookId, DateTimeOffset sentAt,
        string secret = ServeTestHost.StandardSecret, string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = StandardWebhookVerifier.FromSecret(secret, TimeSpan.FromMinutes(5)).Sign(webhookId, timestamp, bytes);
        var request = Post(connectorId, bytes, contentType);
        request.Headers.Add(StandardWebhookVerifier.IdHeader, webhookId);
        request.Headers.Add(StandardWebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(StandardWebhookVerifier.SignatureHeader, signature);
        return request;
    }

    public static HttpRequestMessage Hub(string connectorId, string body, string? webhookId = null, string secret = ServeTestHost.HubSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = Post(connectorId, bytes, "application/json");
        request.Headers.Add(HubSignatureVerifier.SignatureHeader, new HubSignatureVerifier(secret).Sign(bytes));
        if (webhookId is not null) request.Headers.Add("X-Webhook-Id", webhookId);
        return request;
    }

    public static HttpRequestMessage Post(string connectorId, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{connectorId}") { Content = content };
    }

    /// <summary>An OA document event with Chinese fields (the shape of samples/webhook).</summary>
    public static string Document(string number, string title) =>
        $$"""{"编号":"{{number}}","题名":"{{title}}","日期":"2024-06-18","文号":"华东办〔2024〕37号","密级":"内部"}""";
}
