namespace DemoOa;

/// <summary>The failures a real OA system shows under load, injected on purpose.</summary>
public enum DemoFaultKind
{
    /// <summary>500 with a problem body.</summary>
    ServerError,

    /// <summary>429 with <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>The response stalls for <see cref="DemoOaOptions.SlowDelay"/> before it answers normally.</summary>
    Slow,

    /// <summary>200 with only the first half of the JSON body (a well-formed HTTP response, broken JSON).</summary>
    Truncated,

    /// <summary>The connection is reset before any byte of the response.</summary>
    Abort,
}

/// <summary>
/// Which request gets which fault: a queue of scripted faults (tests and <c>OA_FAULTS</c>), a periodic fault
/// (<c>OA_FAULT_EVERY</c>) and a <c>?fault=</c> switch on any request.
/// </summary>
public sealed class DemoFaults
{
    private static readonly DemoFaultKind[] Cycle = Enum.GetValues<DemoFaultKind>();
    private readonly Lock _lock = new();
    private readonly LinkedList<(DemoFaultKind Kind, string? PathPrefix)> _queue = new();
    private readonly int _every;
    private long _requests;

    public DemoFaults(DemoOaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _every = options.FaultEvery;
        foreach (var kind in options.Faults) Enqueue(kind);
    }

    /// <summary>The next <paramref name="times"/> requests whose path starts with <paramref name="pathPrefix"/> (any when null) get <paramref name="kind"/>.</summary>
    public void Enqueue(DemoFaultKind kind, string? pathPrefix = null, int times = 1)
    {
        lock (_lock)
            for (var i = 0; i < times; i++) _queue.AddLast((kind, pathPrefix));
    }

    /// <summary>Picks the fault for one request, if any; the query switch wins over the queue.</summary>
    public DemoFaultKind? Take(PathString path, string? queryFault)
    {
        if (Parse(queryFault) is { } requested) return requested;
        lock (_lock)
        {
            var number = ++_requests;
            for (var node = _queue.First; node is not null; node = node.Next)
            {
                if (node.Value.PathPrefix is { } prefix && !path.StartsWithSegments(prefix, StringComparison.Ordinal)) continue;
                _queue.Remove(node);
                return node.Value.Kind;
            }
            return _every > 0 && number % _every == 0 ? Cycle[(number / _every - 1) % Cycle.Length] : null;
        }
    }

    public static DemoFaultKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "500" or "error" => DemoFaultKind.ServerError,
        "429" or "throttle" => DemoFaultKind.TooManyRequests,
        "slow" => DemoFaultKind.Slow,
        "truncated" => DemoFaultKind.Truncated,
        "abort" or "reset" => DemoFaultKind.Abort,
        _ => null,
    };
}
