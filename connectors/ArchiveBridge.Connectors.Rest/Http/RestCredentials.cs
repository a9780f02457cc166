using ArchiveBridge.Core.Configuration;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// The <c>auth</c> block with its <c>env:</c> secrets resolved. Deliberately not a record: a generated
/// <c>ToString()</c> would print the secrets into any log that formats it.
/// </summary>
internal sealed class RestCredentials
{
    private RestCredentials(RestAuthType type) => Type = type;

    public RestAuthType Type { get; }
    public string? Token { get; private init; }
    public string? Username { get; private init; }
    public string? Password { get; private init; }
    public string Header { get; private init; } = "X-API-Key";
    public string? Key { get; private init; }
    public Uri? TokenUrl { get; private init; }
    public string? ClientId { get; private init; }
    public string? ClientSecret { get; private init; }
    public string? Scope { get; private init; }

    /// <summary>Resolves the secrets the auth type needs; throws <see cref="ArchiveBridge.Core.ConfigurationException"/> naming the setting and variable.</summary>
    public static RestCredentials Resolve(RestAuthOptions auth, ConnectorDefinition definition)
    {
        string Secret(string? value, string setting) => SecretValue.Resolve(value, definition.FieldPath(setting), definition.ConfigFile);

        return auth.Type switch
        {
            RestAuthType.Bearer => new(auth.Type) { Token = Secret(auth.Token, "auth.token") },
            RestAuthType.Basic => new(auth.Type) { Username = Secret(auth.Username, "auth.username"), Password = Secret(auth.Password, "auth.password") },
            RestAuthType.ApiKey => new(auth.Type) { Header = auth.Header, Key = Secret(auth.Key, "auth.key") },
            RestAuthType.OAuth2 => new(auth.Type)
            {
                TokenUrl = new Uri(auth.TokenUrl!, UriKind.Absolute),
                ClientId = Secret(auth.ClientId, "auth.clientId"),
                ClientSecret = Secret(auth.ClientSecret, "auth.clientSecret"),
                Scope = string.IsNullOrWhiteSpace(auth.Scope) ? null : auth.Scope,
            },
            _ => new(RestAuthType.None),
        };
    }

    public override string ToString() => $"auth {RestSettingsBinder.EnumName(Type.ToString())}";
}
