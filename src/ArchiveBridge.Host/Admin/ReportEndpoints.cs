using ArchiveBridge.Core;
using ArchiveBridge.Host.Reports;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// Sync reports over HTTP, rendered by the same <see cref="ReportRenderer"/> as <c>report --format</c>: a run's
/// (<c>/api/runs/{id}/report.json|csv|html</c>) and a period's (<c>/api/reports?from=&amp;to=&amp;connector=&amp;format=</c>).
/// </summary>
internal static class ReportEndpoints
{
    private static readonly string[] ContentTypes = [ReportContent.Json, ReportContent.Csv, ReportContent.Html];

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{id}/report.{format}", RunReportAsync).WithName("GetRunReport").AllowAuditor()
            .WithSummary("A run's sync report as json, csv (Excel, UTF-8 with BOM) or html (printable page)")
            .Produces(StatusCodes.Status200OK, contentType: ContentTypes[0], additionalContentTypes: ContentTypes[1..])
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports", PeriodReportAsync).WithName("GetPeriodReport").AllowAuditor()
            .WithSummary("The report of the runs started in [from, to): days (yyyy-MM-dd, 'to' included) or ISO 8601 times; format json (default), csv or html")
            .Produces(StatusCodes.Status200OK, contentType: ContentTypes[0], additionalContentTypes: ContentTypes[1..])
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> RunReportAsync(string id, string format, [FromServices] ArchiveStore store, [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (ReportContent.Parse(format) is not { } kind)
            return Problems.NotFound("Unknown report format", $"report.{format}: the formats are report.json, report.csv and report.html");
        var report = await new ReportQueries(store, time).BuildAsync(new ReportRequest { RunId = id }, cancellationToken).ConfigureAwait(false);
        return report is null ? Problems.NotFound("Unknown run", $"no run '{id}'") : new ReportResult(report, kind, $"sync-report-{id}");
    }

    private static async Task<IResult> PeriodReportAsync([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? connector,
        [FromQuery] string? format, [FromServices] ArchiveStore store, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        if (ReportContent.Parse(format ?? "json") is not { } kind)
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad format", $"format '{format}' is not json, csv or html");
        DateTimeOffset start;
        DateTimeOffset? end;
        try
        {
            // No start: every run so far; no end: up to now. A day is a whole day in the server's time zone, as for the CLI.
            start = string.IsNullOrWhiteSpace(from) ? DateTimeOffset.UnixEpoch : PeriodArgument.Parse(from, isEnd: false, time.LocalTimeZone, "from");
            end = string.IsNullOrWhiteSpace(to) ? null : PeriodArgument.Parse(to, isEnd: true, time.LocalTimeZone, "to");
        }
        catch (ArchiveBridgeException ex)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad period", ex.Message);
        }
        if (start >= (end ?? time.GetUtcNow()))
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad period", $"from {StoreTime.ToText(start)} is not before to {StoreTime.ToText(end ?? time.GetUtcNow())}");

        var request = new ReportRequest { From = start, To = end, ConnectorId = string.IsNullOrEmpty(connector) ? null : connector };
        var report = await new ReportQueries(store, time).BuildAsync(request, cancellationToken).ConfigureAwait(false);
        // A period's report always exists (an empty period has zero counts); only a run's can be missing.
        return new ReportResult(report!, kind, "sync-report");
    }
}
