using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.Host.Serve;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c> of a configured role: 401 without a
/// known token, 403 when the auditor calls an endpoint not marked <see cref="AuditorReadableAttribute"/>. Tokens are
/// hashed before the constant-time comparison and both roles are always compared, so neither the content, the
/// length nor the role of a token leaks through timing. Every call that passes the token check is audited.
/// </summary>
internal sealed class ApiTokenFilter(IOptions<AdminApiOptions> options, ApiCallAuditor auditor) : IEndpointFilter
{
    private readonly Expected _admin = new(options.Value.Token);
    private readonly Expected _auditor = new(options.Value.AuditorToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var role = Identify(http.Request.Headers.Authorization.ToString());
        if (role is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Create(StatusCodes.Status401Unauthorized, "Token required",
                $"send 'Authorization: Bearer <token>' with the token set in {AdminApiOptions.TokenVariable} or {AdminApiOptions.AuditorTokenVariable}");
        }

        auditor.AuditWhenCompleted(http, role.Value);
        if (role == ApiRole.Auditor && http.GetEndpoint()?.Metadata.GetMetadata<AuditorReadableAttribute>() is null)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "Admin role required",
                $"the auditor token reads reports, records, runs and the audit log; {http.Request.Method} {http.Request.Path} needs the token set in {AdminApiOptions.TokenVariable}");
        }
        return await next(context).ConfigureAwait(false);
    }

    private ApiRole? Identify(string header)
    {
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        if (given.Length == 0) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        // Both comparisons always run (no short-circuit), whichever role the token belongs to.
        var isAdmin = _admin.Matches(hash);
        var isAuditor = _auditor.Matches(hash);
        return isAdmin ? ApiRole.Admin : isAuditor ? ApiRole.Auditor : null;
    }

    private sealed class Expected(string? token)
    {
        private readonly bool _enabled = !string.IsNullOrEmpty(token);
        private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""));

        public bool Matches(byte[] given) => CryptographicOperations.FixedTimeEquals(given, _hash) & _enabled;
    }
}
