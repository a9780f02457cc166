using System.Text.Json;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Host.Admin;

/// <summary><c>GET /api/records/{id}</c>: one record by id or 档号, with everything an auditor checks it against.</summary>
internal static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecords(this RouteGroupBuilder api)
    {
        api.MapGet("/records/{id}", GetAsync).WithName("GetRecord").AllowAuditor()
            .WithSummary("A record by id or 档号: metadata, attachments, version history, duplicate links, stored 四性 check results and events")
            .Produces<RecordView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(string id, [FromServices] RecordQueries records, [FromServices] ArchiveStore store,
        CancellationToken cancellationToken)
    {
        var details = await records.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (details is null) return Problems.NotFound("Unknown record", $"no record with id or 档号 '{id}'");
        string? checks;
        await using (var db = store.CreateContext())
        {
            checks = await db.Records.AsNoTracking().Where(r => r.Id == details.Id).Select(r => r.Checks)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        return Results.Ok(RecordView.From(details, checks));
    }
}

/// <summary>
/// The answer of <c>GET /api/records/{id}</c>: <c>show --versions --json</c> with attachments and events lifted out of
/// the metadata into their own lists, and the check results as stored at ingest (<c>{"passed":[ids],"failed":[results]}</c>).
/// </summary>
internal sealed record RecordView
{
    public required string Id { get; init; }
    public string? ArchivalCode { get; init; }
    public required string Connector { get; init; }
    public required string SourceKey { get; init; }
    public int Version { get; init; }
    public required string Fingerprint { get; init; }
    public string? DuplicateOf { get; init; }
    public required string FirstRunId { get; init; }
    public required string LastRunId { get; init; }
    public required string LastOutcome { get; init; }
    public required string CreatedAt { get; init; }
    public required string UpdatedAt { get; init; }
    public required ArchiveRecord Metadata { get; init; }
    public required IReadOnlyList<AttachmentInfo> Attachments { get; init; }
    public required IReadOnlyList<RecordVersionSummary> Versions { get; init; }
    public required IReadOnlyList<DuplicateLink> Duplicates { get; init; }

    /// <summary>The 四性 results of the current version; null when none were stored.</summary>
    public JsonElement? Checks { get; init; }

    /// <summary>Why the stored results could not be read: damaged or altered evidence is shown, never dropped.</summary>
    public string? ChecksUnreadable { get; init; }

    public required IReadOnlyList<RecordEvent> Events { get; init; }

    public static RecordView From(RecordDetails d, string? checks)
    {
        ArgumentNullException.ThrowIfNull(d);
        // FindAsync built this record for this request alone: moving its lists out changes nothing shared.
        var metadata = d.Record;
        var attachments = metadata.Attachments;
        var events = metadata.Events;
        metadata.Attachments = [];
        metadata.Events = [];
        var view = new RecordView
        {
            Id = d.Id, ArchivalCode = d.ArchivalCode, Connector = d.Connector, SourceKey = d.SourceKey, Version = d.Version,
            Fingerprint = d.Fingerprint, DuplicateOf = d.DuplicateOf, FirstRunId = d.FirstRunId, LastRunId = d.LastRunId,
            LastOutcome = d.LastOutcome, CreatedAt = d.CreatedAt, UpdatedAt = d.UpdatedAt, Metadata = metadata,
            Attachments = attachments, Versions = d.Versions, Duplicates = d.Duplicates, Events = events,
        };
        if (checks is null) return view;
        try
        {
            using var doc = JsonDocument.Parse(checks);
            return view with { Checks = doc.RootElement.Clone() };
        }
        catch (JsonException ex)
        {
            return view with { ChecksUnreadable = $"records.checks of {d.Id} is not JSON: {ex.Message}" };
        }
    }
}
