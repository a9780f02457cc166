using System.Security.Cryptography;
using System.Text;
using ArchiveBridge.Host.Serve;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c>. Both sides are hashed before the
/// constant-time comparison, so neither the content nor the length of the token leaks through timing.
/// </summary>
internal sealed class AdminTokenFilter(IOptions<AdminApiOptions> options) : IEndpointFilter
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Token ?? ""));
    private readonly bool _enabled = options.Value.Enabled;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        if (!_enabled || given.Length == 0 || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _expected))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Create(StatusCodes.Status401Unauthorized, "Admin token required",
                $"send 'Authorization: Bearer <token>' with the token set in {AdminApiOptions.TokenVariable}");
        }
        return await next(context).ConfigureAwait(false);
    }
}
