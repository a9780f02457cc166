namespace ArchiveBridge.Host.Admin;

/// <summary>The admin API's bearer token: from <c>ARCHIVEBRIDGE_ADMIN_TOKEN</c>, never from the config file.</summary>
public sealed class AdminApiOptions
{
    public const string TokenVariable = "ARCHIVEBRIDGE_ADMIN_TOKEN";

    /// <summary>The token; when empty the admin endpoints are not mapped at all.</summary>
    public string? Token { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Token);
}
