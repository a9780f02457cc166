using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Host.Admin;

public static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// The auditor role (its token from <c>ARCHIVEBRIDGE_AUDITOR_TOKEN</c> unless set in code) and the auditing of
    /// API calls. The admin token is read by <c>AddArchiveBridgeServe</c>.
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AdminApiOptions>()
            .Configure(o => o.AuditorToken ??= Environment.GetEnvironmentVariable(AdminApiOptions.AuditorTokenVariable));
        services.AddSingleton<ApiCallAuditor>();
        return services;
    }
}
