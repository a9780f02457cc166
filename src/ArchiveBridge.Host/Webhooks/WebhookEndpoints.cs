using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ArchiveBridge.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/{connectorId}</c> (DESIGN §8). The order of checks is cheap to costly, and nothing is
/// parsed before the signature holds: 404 unknown connector, 415 not JSON by type, 413 too large, 401 signature
/// or timestamp, 400 not JSON; then the body is committed and only then answered 202 with its inbox id.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/webhooks/{connectorId}", ReceiveAsync)
            .WithName("ReceiveWebhook")
            .WithTags("webhooks")
            .WithSummary("Receive a signed webhook into the connector's durable inbox")
            // No Accepts<T>() metadata: routing would then answer a wrong Content-Type with a bare 415 before
            // this handler could say which type it got.
            .WithDescription("Body: the event as application/json, signed per the connector's webhook.verify " +
                "(standard: webhook-id, webhook-timestamp, webhook-signature; hmac-sha256: X-Hub-Signature-256).")
            .Produces<WebhookAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string connectorId, HttpContext http,
        [FromServices] WebhookConnectors connectors, [FromServices] InboxWriter inbox, [FromServices] TimeProvider time)
    {
        if (!connectors.TryGet(connectorId, out var hook))
            return Problems.NotFound("Unknown webhook connector", $"no connector '{connectorId}' receives webhooks (it is not configured, or has no 'webhook' block)");
        var request = http.Request;
        if (!request.HasJsonContentType())
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Webhook body must be JSON",
                $"Content-Type '{request.ContentType}' is not application/json");

        var body = await WebhookBody.ReadAsync(request, hook.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "Webhook body too large",
                $"connector '{hook.Id}' accepts bodies up to {hook.MaxBodyBytes} bytes");

        var verification = hook.Verifier.Verify(request.Headers, body, time.GetUtcNow());
        if (!verification.Succeeded)
            return Problems.Create(StatusCodes.Status401Unauthorized, "Webhook signature rejected", verification.Error!);

        var text = WebhookBody.Validate(body, requireObject: hook.Mode == WebhookMode.Document, out var problem);
        if (text is null)
        {
            var extensions = new Dictionary<string, object?> { ["line"] = problem!.Line, ["position"] = problem.Position };
            return Problems.Create(StatusCodes.Status400BadRequest, "Webhook body is not valid JSON", problem.Detail, extensions);
        }

        InboxAppendResult result;
        try
        {
            result = await inbox.AppendAsync(new InboxAppend(hook.Id, verification.WebhookId!, text, hook.ReplayWindow)).ConfigureAwait(false);
        }
        catch (InboxUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = "5";
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Webhook not stored, retry later", ex.Message);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            http.Response.Headers.RetryAfter = "30";
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Webhook not stored, retry later", $"the inbox could not commit: {ex.Message}");
        }
        return Results.Json(new WebhookAccepted(result.Id, result.Duplicate), statusCode: StatusCodes.Status202Accepted);
    }
}

/// <summary>The 202 answer: the inbox entry holding the webhook (the same id for a repeated webhook id).</summary>
public sealed record WebhookAccepted(string Id, bool Duplicate);
