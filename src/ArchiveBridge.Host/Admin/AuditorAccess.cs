using Microsoft.AspNetCore.Builder;

namespace ArchiveBridge.Host.Admin;

/// <summary>Opens an endpoint of the token-protected <c>/api</c> group to the auditor role (read-only endpoints only).</summary>
public static class AuditorAccess
{
    public static TBuilder AllowAuditor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new AuditorReadableAttribute());
    }
}
