namespace ArchiveBridge.Connectors.Rest;

/// <summary>Which <c>auth</c> keys each auth type needs.</summary>
internal static class RestAuthValidator
{
    public static IEnumerable<(string Setting, string Message)> Validate(RestAuthOptions auth)
    {
        var type = RestSettingsBinder.EnumName(auth.Type.ToString());
        switch (auth.Type)
        {
            case RestAuthType.Bearer:
                if (Missing(auth.Token)) yield return Required("auth.token", type, "env:OA_TOKEN");
                break;
            case RestAuthType.Basic:
                if (Missing(auth.Username)) yield return Required("auth.username", type, "archive");
                if (Missing(auth.Password)) yield return Required("auth.password", type, "env:OA_PASSWORD");
                break;
            case RestAuthType.ApiKey:
                if (Missing(auth.Key)) yield return Required("auth.key", type, "env:OA_API_KEY");
                if (Missing(auth.Header)) yield return Required("auth.header", type, "X-API-Key");
                break;
            case RestAuthType.OAuth2:
                if (Missing(auth.TokenUrl)) yield return Required("auth.tokenUrl", type, "https://sso.example.com/oauth/token");
                else if (!Uri.TryCreate(auth.TokenUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    yield return ("auth.tokenUrl", $"must be an absolute http or https URL (was '{auth.TokenUrl}')");
                if (Missing(auth.ClientId)) yield return Required("auth.clientId", type, "archive-bridge");
                if (Missing(auth.ClientSecret)) yield return Required("auth.clientSecret", type, "env:OA_CLIENT_SECRET");
                break;
        }
    }

    private static bool Missing(string? value) => string.IsNullOrWhiteSpace(value);

    private static (string, string) Required(string setting, string type, string example) =>
        (setting, $"is required for auth.type '{type}' (e.g. \"{example}\")");
}
