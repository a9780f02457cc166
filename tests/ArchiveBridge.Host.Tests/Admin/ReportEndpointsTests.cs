using System.Net;
using System.Text;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class ReportEndpointsTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiClient.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunReportHtml_Auditor_IsThePrintablePageWithTheCounts()
    {
        var runId = await _host.RunAsync();

        var response = await _host.AuditorGetAsync($"/api/runs/{runId}/report.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(runId, html, StringComparison.Ordinal);
        // read 2 = created 2 + versioned 0 + unchanged 0 + duplicates 0 + quarantined 0 + failed 0, reconciled
        Assert.Contains("<td>2</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td class=\"ok\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunReportCsv_Auditor_StartsWithTheUtf8ByteOrderMark()
    {
        var runId = await _host.RunAsync();

        var response = await _host.AuditorGetAsync($"/api/runs/{runId}/report.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sync-report-{runId}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("同步报告 Sync report,", text, StringComparison.Ordinal);
        Assert.Contains(runId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunReportJson_Auditor_HasTheReconcilingCounts()
    {
        var runId = await _host.RunAsync();

        var response = await _host.AuditorGetAsync($"/api/runs/{runId}/report.json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.JsonAsync();
        Assert.Equal(("run", runId, 2L, 2L, true), (json.GetProperty("kind").GetString(), json.GetProperty("runId").GetString(),
            json.GetProperty("read").GetInt64(), json.GetProperty("created").GetInt64(), json.GetProperty("reconciles").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/runs/01NOSUCHRUN/report.html")]
    [InlineData("/api/runs/{run}/report.pdf")]
    public async Task RunReport_UnknownRunOrFormat_Returns404Problem(string path)
    {
        var runId = await _host.RunAsync();

        var response = await _host.AuditorGetAsync(path.Replace("{run}", runId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PeriodReport_DaysAndConnector_CoversTheRunsStartedThatDay()
    {
        await _host.RunAsync("hr-db");
        await _host.RunAsync("oa-api");
        _host.Time.Advance(TimeSpan.FromDays(2));
        await _host.RunAsync("hr-db");
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        var day = await (await _host.AuditorGetAsync("/api/reports?from=2026-03-02&to=2026-03-02")).JsonAsync();
        var hr = await (await _host.AuditorGetAsync("/api/reports?connector=hr-db&format=json")).JsonAsync();

        // oa-api's documents have the same content as hr-db's: linked as duplicates, not archived twice.
        Assert.Equal(("period", 2L, 4L, 2L, 2L), (day.GetProperty("kind").GetString(), day.GetProperty("runCount").GetInt64(),
            day.GetProperty("read").GetInt64(), day.GetProperty("created").GetInt64(), day.GetProperty("duplicates").GetInt64()));
        Assert.Equal(2L, hr.GetProperty("runCount").GetInt64());
        Assert.All(hr.GetProperty("runs").EnumerateArray(), r => Assert.Equal("hr-db", r.GetProperty("connector").GetString()));
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("html", "text/html")]
    public async Task PeriodReport_Format_UsesTheCliRenderer(string format, string mediaType)
    {
        await _host.RunAsync();

        var response = await _host.AuditorGetAsync($"/api/reports?from=2026-03-01&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("期间 Period", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday", "from: 'yesterday'")]
    [InlineData("from=2026-03-05&to=2026-03-01", "is not before")]
    [InlineData("format=pdf", "format 'pdf'")]
    public async Task PeriodReport_BadQuery_Returns400NamingTheValue(string query, string detail)
    {
        var response = await _host.AuditorGetAsync($"/api/reports?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
