namespace ArchiveBridge.Connectors.Rest;

public enum RestAuthType
{
    None,
    Bearer,
    Basic,
    ApiKey,

    /// <summary>OAuth2 client credentials: a token from <c>tokenUrl</c>, cached until it expires or is refused.</summary>
    OAuth2,
}

/// <summary>The <c>auth</c> block. Secrets are written <c>env:NAME</c> and read from the environment when the connector is created.</summary>
public sealed class RestAuthOptions
{
    public RestAuthType Type { get; set; } = RestAuthType.None;

    /// <summary>The bearer token (type <c>bearer</c>).</summary>
    public string? Token { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The header carrying the API key (type <c>apiKey</c>).</summary>
    public string Header { get; set; } = "X-API-Key";

    public string? Key { get; set; }

    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scope { get; set; }
}
