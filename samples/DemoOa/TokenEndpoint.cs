namespace DemoOa;

/// <summary><c>POST /oauth/token</c>: the OAuth2 client-credentials grant (client secret in the form or in HTTP Basic).</summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/oauth/token", async (HttpContext http, DemoOaOptions options, DemoTokenIssuer tokens) =>
        {
            if (!http.Request.HasFormContentType)
                return Results.Json(new { error = "invalid_request" }, statusCode: StatusCodes.Status400BadRequest);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form["grant_type"] != "client_credentials")
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: StatusCodes.Status400BadRequest);

            var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
            var header = http.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && DemoAuthMiddleware.DecodeBasic(header[6..]) is var (u, p))
                (clientId, secret) = (Uri.UnescapeDataString(u), Uri.UnescapeDataString(p));
            if (clientId != options.OAuthClientId || secret != options.OAuthClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);

            return Results.Json(new
            {
                access_token = tokens.Issue(),
                token_type = "Bearer",
                expires_in = (int)options.OAuthTokenLifetime.TotalSeconds,
                scope = form["scope"].ToString(),
            });
        });
}
