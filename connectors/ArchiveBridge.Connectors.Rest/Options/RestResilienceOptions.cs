namespace ArchiveBridge.Connectors.Rest;

/// <summary>
/// The <c>resilience</c> block, applied to every HTTP call: a total timeout around retries with jittered exponential
/// backoff (honouring <c>Retry-After</c>), a circuit breaker, and a timeout per attempt.
/// </summary>
public sealed class RestResilienceOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The median first backoff; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The bound on one call including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public RestCircuitBreakerOptions CircuitBreaker { get; set; } = new();
}

/// <summary>Stops calling a source that keeps failing, for <see cref="BreakDuration"/>, instead of hammering it.</summary>
public sealed class RestCircuitBreakerOptions
{
    /// <summary>The failure ratio within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 20;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
