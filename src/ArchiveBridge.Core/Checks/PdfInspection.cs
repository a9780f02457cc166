namespace ArchiveBridge.Core.Checks;

/// <summary>What <see cref="PdfInspector"/> found.</summary>
/// <param name="Opens">The document parsed and its first page loaded.</param>
/// <param name="Encrypted">The document has an encryption dictionary (it may still open: an empty user password decrypts).</param>
/// <param name="PageCount">Pages, when it opened.</param>
/// <param name="Error">Why it did not open, when it did not.</param>
public sealed record PdfInspection(bool Opens, bool Encrypted, int? PageCount, string? Error);
