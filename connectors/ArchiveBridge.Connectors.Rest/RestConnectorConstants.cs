namespace ArchiveBridge.Connectors.Rest;

public static class RestConnectorConstants
{
    /// <summary>The connector <c>type</c> in config.</summary>
    public const string Type = "rest";
}
