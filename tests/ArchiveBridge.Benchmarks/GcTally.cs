using System.Diagnostics.Tracing;

namespace ArchiveBridge.Benchmarks;

/// <summary>
/// Tallies the runtime's own GC events by generation: how many, how long the threads were stopped, and how many
/// bytes survived into the next generation. GC.GetTotalPauseDuration says how much; this says which collections.
/// </summary>
internal sealed class GcTally : EventListener
{
    private readonly long[] _count = new long[3];
    private readonly double[] _pausedMs = new double[3];
    private readonly long[] _promoted = new long[3];
    private int _depth;
    private DateTime _suspended;
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _ticks = [];

    /// <summary>The types that most often crossed an allocation tick (~100 KB each): where the allocation goes.</summary>
    public string TopAllocations(int count)
    {
        lock (_gate)
        {
            var total = Math.Max(1, _ticks.Values.Sum());
            return string.Join(Environment.NewLine, _ticks.OrderByDescending(t => t.Value).Take(count)
                .Select(t => $"  {t.Value * 100.0 / total,5:N1}%  {t.Key}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // GC keyword (0x1) at Informational: GCStart, GCHeapStats, GCSuspendEE, GCRestartEEEnd.
        // At Verbose also GCAllocationTick: one event per ~100 KB allocated, naming the type that crossed the mark.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (_gate)
        {
            switch (e.EventName)
            {
                case "GCSuspendEEBegin_V1":
                    _suspended = e.TimeStamp;
                    break;
                case "GCStart_V2":
                    _depth = Math.Clamp(Convert.ToInt32(e.Payload![1]), 0, 2);
                    _count[_depth]++;
                    break;
                case "GCHeapStats_V2":
                    // TotalPromotedSize0 is what gen0 promoted, and so on: charge it to the collection that ran.
                    _promoted[_depth] += Convert.ToInt64(e.Payload![1]) + Convert.ToInt64(e.Payload[3]);
                    break;
                case "GCAllocationTick_V4":
                    var type = e.Payload![e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
                    _ticks[type] = _ticks.GetValueOrDefault(type) + 1;
                    break;
                case "GCRestartEEEnd_V1":
                    if (_suspended != default) _pausedMs[_depth] += (e.TimeStamp - _suspended).TotalMilliseconds;
                    _suspended = default;
                    break;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return string.Join("; ", Enumerable.Range(0, 3).Select(g =>
                $"gen{g} {_count[g]} paused {_pausedMs[g] / 1000:N2} s promoted {_promoted[g] / 1048576.0:N0} MiB"));
    }
}
