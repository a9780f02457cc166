namespace ArchiveBridge.Host.Admin;

/// <summary>Who called the API, by the token they sent; the name is the audit entry's actor.</summary>
public enum ApiRole
{
    /// <summary>Operates the hub: everything under <c>/api</c>.</summary>
    Admin,

    /// <summary>Reads the evidence (reports, records, audit log, runs, connectors) and changes nothing.</summary>
    Auditor,
}

/// <summary>
/// Endpoint metadata: the auditor may call this endpoint too. Endpoints without it are admin-only, so an endpoint
/// added later is closed to auditors until someone decides otherwise.
/// </summary>
public sealed class AuditorReadableAttribute : Attribute;
