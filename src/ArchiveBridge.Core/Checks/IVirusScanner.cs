namespace ArchiveBridge.Core.Checks;

/// <summary>Scans content for malware (the <c>security.virus_scan</c> check); <see cref="ClamAvClient"/> is the one shipped.</summary>
public interface IVirusScanner
{
    /// <summary>
    /// Scans <paramref name="content"/> from its current position to its end. Failures of the scanner are
    /// returned as <see cref="VirusScanStatus.Error"/>, not thrown; only cancellation by the caller throws.
    /// </summary>
    Task<VirusScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default);
}
