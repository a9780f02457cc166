namespace ArchiveBridge.Core;

/// <summary>Base of every error ArchiveBridge raises on purpose; the message is meant for an IT admin.</summary>
public class ArchiveBridgeException : Exception
{
    public ArchiveBridgeException(string message) : base(message) { }
    public ArchiveBridgeException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The configuration or a file it names is wrong; the CLI exits 2 with this message.</summary>
public sealed class ConfigurationException : ArchiveBridgeException
{
    public ConfigurationException(string message, string? file = null, string? field = null, Exception? inner = null)
        : base(Format(message, file, field), inner)
    {
        File = file;
        Field = field;
    }

    public string? File { get; }
    public string? Field { get; }

    private static string Format(string message, string? file, string? field) =>
        (file, field) switch
        {
            (null, null) => message,
            (null, _) => $"{field}: {message}",
            (_, null) => $"{file}: {message}",
            _ => $"{file}: {field}: {message}",
        };
}

/// <summary>A source system failed in a way retries did not cure; the run ends failed, the checkpoint stays.</summary>
public sealed class ConnectorException : ArchiveBridgeException
{
    public ConnectorException(string connectorId, string message, Exception? inner = null)
        : base($"connector '{connectorId}': {message}", inner) => ConnectorId = connectorId;

    public string ConnectorId { get; }
}
