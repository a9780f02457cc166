using System.Globalization;

namespace DemoOa;

/// <summary>The OAuth2 client-credentials server of the demo: issues, checks and revokes access tokens.</summary>
public sealed class DemoTokenIssuer(DemoOaOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>How many tokens <c>POST /oauth/token</c> has handed out.</summary>
    public int TokensIssued
    {
        get { lock (_lock) return _issued; }
    }

    public string Issue()
    {
        lock (_lock)
        {
            var token = "oat-" + (++_issued).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
            _tokens[token] = options.TimeProvider.GetUtcNow() + options.OAuthTokenLifetime;
            return token;
        }
    }

    public bool IsValid(string token)
    {
        lock (_lock)
            return _tokens.TryGetValue(token, out var expires) && expires > options.TimeProvider.GetUtcNow();
    }

    /// <summary>Forgets every issued token, as a restarted OA server would: clients get 401 until they fetch a new one.</summary>
    public void RevokeAll()
    {
        lock (_lock) _tokens.Clear();
    }
}
