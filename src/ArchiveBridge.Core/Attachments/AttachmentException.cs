using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Attachments;

/// <summary>An attachment could not be taken in; the record goes to quarantine with <see cref="Reason"/>.</summary>
public sealed class AttachmentException : ArchiveBridgeException
{
    public AttachmentException(string reason, string message, Exception? inner = null) : base(message, inner) => Reason = reason;

    /// <summary>A <see cref="ReasonCodes"/> value such as <c>attachment_missing</c>.</summary>
    public string Reason { get; }
}
