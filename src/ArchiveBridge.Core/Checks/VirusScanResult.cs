namespace ArchiveBridge.Core.Checks;

public enum VirusScanStatus
{
    Clean,
    Infected,

    /// <summary>The scanner could not give a verdict (not running, timed out, size limit …).</summary>
    Error,
}

/// <summary>The verdict of an <see cref="IVirusScanner"/>.</summary>
public sealed record VirusScanResult
{
    private VirusScanResult(VirusScanStatus status, string? signature, string? errorMessage)
    {
        Status = status;
        Signature = signature;
        ErrorMessage = errorMessage;
    }

    public static VirusScanResult Clean { get; } = new(VirusScanStatus.Clean, null, null);

    public VirusScanStatus Status { get; }

    /// <summary>The scanner's name of what it found, when <see cref="VirusScanStatus.Infected"/>.</summary>
    public string? Signature { get; }

    /// <summary>Why there is no verdict, when <see cref="VirusScanStatus.Error"/>.</summary>
    public string? ErrorMessage { get; }

    public static VirusScanResult Infected(string signature) => new(VirusScanStatus.Infected, signature, null);

    public static VirusScanResult Error(string message) => new(VirusScanStatus.Error, null, message);

    public override string ToString() => Status switch
    {
        VirusScanStatus.Infected => $"Infected: {Signature}",
        VirusScanStatus.Error => $"Error: {ErrorMessage}",
        _ => "Clean",
    };
}
