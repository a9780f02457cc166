namespace ArchiveBridge.Core.Checks;

/// <summary>
/// The checks of one attachment plus what they learnt on the way, so the caller can fill
/// <c>AttachmentInfo.Format</c> and <c>MediaType</c> from <see cref="Format"/> without reading the file again.
/// </summary>
public sealed class AttachmentCheckReport
{
    public required FileFormat Format { get; init; }

    /// <summary>Set when the bytes are a PDF and a PDF check is on.</summary>
    public PdfInspection? Pdf { get; init; }

    /// <summary>Set when a scanner is configured and <c>security.virus_scan</c> is on.</summary>
    public VirusScanResult? VirusScan { get; init; }

    public required IReadOnlyList<CheckResult> Results { get; init; }

    /// <summary>True when a failed check at <see cref="CheckLevel.Block"/> sends the record to quarantine.</summary>
    public bool Blocked => Results.Any(r => r.Blocks);
}
