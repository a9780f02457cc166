namespace ArchiveBridge.Host.Webhooks;

/// <summary>The inbox cannot take a webhook now (full, or serve is stopping): answered 503 with Retry-After.</summary>
public sealed class InboxUnavailableException(string message) : Exception(message);
