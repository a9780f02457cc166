using ArchiveBridge.Host.Serve;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.Storage.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// The webhook inbox for admins: what arrived and how it ended, and putting a quarantined entry back in line
/// once its cause (a mapping, a source outage) is fixed. Mapped inside the token-protected <c>/api</c> group.
/// </summary>
internal static class InboxAdminEndpoints
{
    public static RouteGroupBuilder MapInboxAdmin(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox", ListAsync).WithName("ListInbox")
            .WithSummary("Webhook inbox entries, newest first (filter by connector and status: pending, processed, quarantined)")
            .Produces<IReadOnlyList<InboxEntryInfo>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/inbox/{id}/retry", RetryAsync).WithName("RetryInboxEntry")
            .WithSummary("Put a quarantined webhook back in line")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync([FromServices] WebhookInboxStore inbox, [FromQuery] string? connector, [FromQuery] string? status,
        [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > AdminEndpoints.MaxRunLimit)
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad limit", $"limit must be between 1 and {AdminEndpoints.MaxRunLimit} (got {limit})");
        if (status is not (null or InboxStatus.Pending or InboxStatus.Processed or InboxStatus.Quarantined))
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad status", $"status '{status}' is not pending, processed or quarantined");
        return Results.Ok(await inbox.ListAsync(connector, status, limit ?? AdminEndpoints.DefaultRunLimit, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> RetryAsync(string id, [FromServices] WebhookInboxStore inbox, [FromServices] InboxSignal signal,
        CancellationToken cancellationToken)
    {
        if (!await inbox.RetryAsync(id, cancellationToken).ConfigureAwait(false))
            return Problems.NotFound("No quarantined entry", $"no quarantined inbox entry '{id}'");
        signal.Notify();
        return Results.Accepted();
    }
}
