using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// The audit chain for auditors: <c>/api/audit/verify</c> recomputes it and names the first entry that does not
/// verify, <c>/api/audit/head</c> gives the last entry to keep elsewhere as an anchor (which a later verify
/// checks with <c>?seq=&amp;hash=</c>, so entries cut off the end are found too).
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", VerifyAsync).WithName("VerifyAudit").AllowAuditor()
            .WithSummary("Recompute the audit hash chain: intact, or the first bad seq and why (optionally against an anchor ?seq=&hash=)")
            .Produces<AuditVerificationView>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/audit/head", HeadAsync).WithName("GetAuditHead").AllowAuditor()
            .WithSummary("The last entry of the audit chain (seq, hash, at): an anchor to keep outside the archive")
            .Produces<AuditHead>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> VerifyAsync([FromQuery] long? seq, [FromQuery] string? hash, [FromServices] ArchiveStore store,
        CancellationToken cancellationToken)
    {
        if ((seq is null) != string.IsNullOrEmpty(hash) || seq < 1)
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad anchor", $"give both seq (>= 1) and hash of an anchor, or neither (got seq {seq}, hash '{hash}')");
        var anchor = seq is { } s ? new AuditHead(s, hash!, "") : null;
        var result = await new AuditVerifier(store).VerifyAsync(anchor, cancellationToken).ConfigureAwait(false);
        return Results.Ok(AuditVerificationView.From(result));
    }

    private static async Task<IResult> HeadAsync([FromServices] ArchiveStore store, CancellationToken cancellationToken)
    {
        var head = await new AuditVerifier(store).HeadAsync(null, cancellationToken).ConfigureAwait(false);
        return head is null ? Problems.NotFound("Empty audit log", "the audit log has no entries yet") : Results.Ok(head);
    }
}

/// <summary>The answer of <c>/api/audit/verify</c>, the break's kind as its name (edited, gap, unlinked …).</summary>
internal sealed record AuditVerificationView(bool Intact, long EntriesChecked, AuditHead? Head, AuditBreakView? Break)
{
    public static AuditVerificationView From(AuditVerification v) => new(v.Intact, v.EntriesChecked, v.Head,
        v.Break is { } b ? new AuditBreakView(b.Seq, ToCamel(b.Kind.ToString()), b.Message, b.MessageZh, b.Expected, b.Actual) : null);

    private static string ToCamel(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}

/// <summary>Where and why the chain breaks.</summary>
internal sealed record AuditBreakView(long Seq, string Kind, string Message, string MessageZh, string? Expected, string? Actual);
