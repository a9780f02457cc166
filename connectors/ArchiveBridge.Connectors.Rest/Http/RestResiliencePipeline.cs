using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>
/// The Polly pipeline every HTTP call of one connector goes through, outermost first: total timeout, retry
/// (jittered exponential backoff, <c>Retry-After</c> honoured), rate limiter (so retries are throttled too),
/// circuit breaker, attempt timeout. The shape of the standard resilience handler, with the limiter moved inside
/// the retry; built per connector because each connector has its own settings and its own breaker state.
/// </summary>
internal static class RestResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(
        string connectorId, RestConnectorOptions options, TimeProvider timeProvider, ILogger logger, out RateLimiter? limiter)
    {
        var r = options.Resilience;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"rest-{connectorId}", TimeProvider = timeProvider };
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = r.TotalTimeout });
        if (r.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = r.MaxRetries,
                Delay = r.BaseDelay,
                MaxDelay = r.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    Log.Retrying(logger, connectorId, SafeUrl.Display(args.Context.GetRequestMessage()?.RequestUri),
                        args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    return default;
                },
            });
        }
        limiter = null;
        if (options.RateLimit is { } rate)
        {
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate.PermitsPerSecond,
                TokensPerPeriod = rate.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            builder.AddRateLimiter(limiter);
        }
        var cb = r.CircuitBreaker;
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = cb.FailureRatio,
            MinimumThroughput = cb.MinimumThroughput,
            SamplingDuration = cb.SamplingDuration,
            BreakDuration = cb.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = r.AttemptTimeout });
        return builder.Build();
    }

    /// <summary>Transient per the HTTP resilience defaults (5xx, 408, 429, connection errors, timeouts), plus bodies that broke mid-read.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        InvalidJsonResponseException or IOException or RateLimiterRejectedException => true,
        BrokenCircuitException => false,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => $"{(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}",
        TimeoutRejectedException => "attempt timed out",
        var e => $"{e.GetType().Name}: {e.Message}",
    };
}
