namespace ArchiveBridge.Host.Admin;

/// <summary>
/// The API's bearer tokens, one per role: from <c>ARCHIVEBRIDGE_ADMIN_TOKEN</c> and <c>ARCHIVEBRIDGE_AUDITOR_TOKEN</c>,
/// never from the config file (which is copied, diffed and committed).
/// </summary>
public sealed class AdminApiOptions
{
    public const string TokenVariable = "ARCHIVEBRIDGE_ADMIN_TOKEN";
    public const string AuditorTokenVariable = "ARCHIVEBRIDGE_AUDITOR_TOKEN";

    /// <summary>The admin token: every endpoint under <c>/api</c>. Empty: there is no admin role.</summary>
    public string? Token { get; set; }

    /// <summary>The auditor token: reports, records, the audit log, runs and connectors, read only. Empty: there is no auditor role.</summary>
    public string? AuditorToken { get; set; }

    /// <summary>False when neither token is set: then <c>/api</c> is not mapped at all.</summary>
    public bool Enabled => !string.IsNullOrEmpty(Token) || !string.IsNullOrEmpty(AuditorToken);
}
