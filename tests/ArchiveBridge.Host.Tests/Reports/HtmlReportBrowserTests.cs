using ArchiveBridge.Host.Reports;
using Microsoft.Playwright;

namespace ArchiveBridge.Host.Tests.Reports;

/// <summary>
/// Opens the HTML report in headless Chromium (Debian's, from eng/start-chromium.sh; never a downloaded build) and
/// reads what a person would see: the counts, the quarantine reasons, hostile values shown as text.
/// </summary>
public sealed class HtmlReportBrowserTests : IAsyncLifetime, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TestArchive _archive = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/start-chromium.sh");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu"],
        });
    }

    [Fact]
    public async Task HtmlReport_InChromium_ShowsCountsAndQuarantineReasons()
    {
        var report = await ReportSamples.RunReportAsync(_archive);
        var html = await ReportRenderer.RenderToStringAsync(report, ReportFormat.Html, CancellationToken.None);
        var page = await _browser!.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);

        await page.SetContentAsync(html);

        var text = await page.InnerTextAsync("body");
        Assert.Contains("同步报告 Sync report", text, StringComparison.Ordinal);
        var headers = await page.Locator("#counts thead th").AllInnerTextsAsync();
        var cells = await page.Locator("#counts tbody td").AllInnerTextsAsync();
        Assert.Equal(["读取 Read", "新建 Created", "新版本 Versioned", "未变更 Unchanged", "重复 Duplicates", "隔离 Quarantined", "失败 Failed", "平衡 Reconciles"], headers);
        Assert.Equal(["5", "2", "0", "0", "1", "2", "0", "是 yes"], cells);
        var quarantine = await page.InnerTextAsync("#quarantine");
        Assert.Contains("隔离记录 Quarantined records (2)", quarantine, StringComparison.Ordinal);
        Assert.Contains("malformed_row", quarantine, StringComparison.Ordinal);
        Assert.Contains("引号未闭合", quarantine, StringComparison.Ordinal);
        Assert.Contains("missing_field", quarantine, StringComparison.Ordinal);
        Assert.Contains("hr_export.csv:3", quarantine, StringComparison.Ordinal);
        Assert.Contains(ReportSamples.HostileValue, quarantine, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.scripts.length"));
        Assert.Contains(report.AuditHead!.Hash, await page.InnerTextAsync("#audit"), StringComparison.Ordinal);
        Assert.Empty(requests);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    public void Dispose() => _archive.Dispose();
}
