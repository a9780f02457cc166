using ArchiveBridge.Host.Reports;
using ArchiveBridge.Storage.Reports;
using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Admin;

/// <summary>A rendered report as the response body, streamed by the renderer (csv keeps its byte order mark).</summary>
internal sealed class ReportResult(SyncReport report, ReportFormat format, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = ReportContent.TypeOf(format);
        // A csv is for Excel: download it under a name; html and json open in place.
        if (format == ReportFormat.Csv) response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.csv\"";
        await ReportRenderer.RenderAsync(report, format, response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>The report formats the API serves and their media types.</summary>
internal static class ReportContent
{
    public const string Json = "application/json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";

    public static ReportFormat? Parse(string format) => format.ToLowerInvariant() switch
    {
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "html" => ReportFormat.Html,
        _ => null,
    };

    public static string TypeOf(ReportFormat format) => format switch
    {
        ReportFormat.Csv => Csv,
        ReportFormat.Html => Html,
        _ => Json,
    };
}
