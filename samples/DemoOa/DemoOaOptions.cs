using System.Globalization;

namespace DemoOa;

/// <summary>How the demo OA behaves: where it listens, which credentials it accepts, which faults it injects.</summary>
public sealed class DemoOaOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>Where Kestrel listens; tests pass <c>http://127.0.0.1:0</c> for a free port.</summary>
    public string Urls { get; set; } = DefaultUrl;

    /// <summary>The bearer token the API accepts (<c>OA_TOKEN</c>).</summary>
    public string BearerToken { get; set; } = "demo-token";

    /// <summary>Serve the API without any credentials (for the <c>none</c> auth type).</summary>
    public bool AllowAnonymous { get; set; }

    public string? BasicUser { get; set; }
    public string? BasicPassword { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";
    public string? ApiKey { get; set; }

    /// <summary>Client credentials accepted by <c>POST /oauth/token</c>.</summary>
    public string OAuthClientId { get; set; } = "demo-client";
    public string OAuthClientSecret { get; set; } = "demo-secret";
    public TimeSpan OAuthTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many documents the deterministic data set holds.</summary>
    public int DocumentCount { get; set; } = 120;

    public int DefaultPageSize { get; set; } = 20;
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How long a <see cref="DemoFaultKind.Slow"/> response stalls before answering.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>Retry-After</c> seconds a <see cref="DemoFaultKind.TooManyRequests"/> response carries.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Faults taken, in order, by the next API requests (<c>OA_FAULTS=500,429,slow,truncated,abort</c>).</summary>
    public IList<DemoFaultKind> Faults { get; } = [];

    /// <summary>Every Nth API request gets a fault, cycling through the kinds (<c>OA_FAULT_EVERY</c>); 0 turns it off.</summary>
    public int FaultEvery { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Reads the <c>OA_*</c> environment variables over the defaults.</summary>
    public static DemoOaOptions FromEnvironment()
    {
        var options = new DemoOaOptions();
        if (Env("OA_URLS") is { } urls) options.Urls = urls;
        if (Env("OA_TOKEN") is { } token) options.BearerToken = token;
        if (Env("OA_ANONYMOUS") is "1" or "true") options.AllowAnonymous = true;
        if (Env("OA_BASIC") is { } basic && basic.Split(':', 2) is [var user, var password])
        {
            options.BasicUser = user;
            options.BasicPassword = password;
        }
        if (Env("OA_API_KEY") is { } apiKey) options.ApiKey = apiKey;
        if (Env("OA_CLIENT_ID") is { } clientId) options.OAuthClientId = clientId;
        if (Env("OA_CLIENT_SECRET") is { } clientSecret) options.OAuthClientSecret = clientSecret;
        if (Env("OA_FAULTS") is { } faults)
            foreach (var name in faults.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                options.Faults.Add(DemoFaults.Parse(name) ?? throw new InvalidOperationException($"OA_FAULTS: unknown fault '{name}' (use 500, 429, slow, truncated, abort)"));
        if (Env("OA_FAULT_EVERY") is { } every) options.FaultEvery = int.Parse(every, CultureInfo.InvariantCulture);
        return options;
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
