using System.Text;

namespace DemoOa;

/// <summary>
/// Guards <c>/api</c> and <c>/files</c>: a bearer token (the static one or an OAuth2 one), HTTP Basic, or an API key
/// header, whichever the options enable.
/// </summary>
internal sealed class DemoAuthMiddleware(RequestDelegate next, DemoOaOptions options, DemoTokenIssuer tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var guarded = path.StartsWithSegments("/api") || path.StartsWithSegments("/files");
        if (!guarded || options.AllowAnonymous || IsAuthorized(context.Request))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"demo-oa\"";
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync("""{"status":401,"title":"unauthorized"}""", Encoding.UTF8);
    }

    private bool IsAuthorized(HttpRequest request)
    {
        if (options.ApiKey is { } key && request.Headers[options.ApiKeyHeader].ToString() == key) return true;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token == options.BearerToken || tokens.IsValid(token);
        }
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && options.BasicUser is { } user)
            return DecodeBasic(header["Basic ".Length..]) is var (u, p) && u == user && p == options.BasicPassword;
        return false;
    }

    internal static (string User, string Password)? DecodeBasic(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            return text.Split(':', 2) is [var user, var password] ? (user, password) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
