using System.Text;
using ArchiveBridge.Storage.Reports;

namespace ArchiveBridge.Host.Reports;

/// <summary>Renders a <see cref="SyncReport"/> in any <see cref="ReportFormat"/> to a stream (a file, stdout, an HTTP response).</summary>
public static class ReportRenderer
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="report"/> to <paramref name="destination"/>, which is left open. JSON is indented when <paramref name="indented"/>.</summary>
    public static async Task RenderAsync(SyncReport report, ReportFormat format, Stream destination, CancellationToken cancellationToken, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        switch (format)
        {
            case ReportFormat.Json:
                await JsonReportRenderer.RenderAsync(report, destination, indented, cancellationToken).ConfigureAwait(false);
                await destination.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Csv:
                await CsvReportRenderer.RenderAsync(report, destination, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Text or ReportFormat.Html:
                // A report is bounded (lists are capped): it is formatted in memory, then copied asynchronously, so a
                // destination that refuses synchronous writes (an HTTP response) works too.
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new StreamWriter(buffer, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" })
                    {
                        if (format == ReportFormat.Text) TextReportRenderer.Render(report, writer);
                        else HtmlReportRenderer.Render(report, writer);
                    }
                    buffer.Position = 0;
                    await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format");
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders to a string (tests, the web console).</summary>
    public static async Task<string> RenderToStringAsync(SyncReport report, ReportFormat format, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await RenderAsync(report, format, buffer, cancellationToken).ConfigureAwait(false);
        return Utf8NoBom.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
