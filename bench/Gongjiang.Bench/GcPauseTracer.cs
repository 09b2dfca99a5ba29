using System.Globalization;
using System.Diagnostics.Tracing;

namespace Gongjiang.Bench;

/// <summary>
/// Listens to the runtime's garbage-collection events and keeps every pause (execution engine suspended to restarted)
/// longer than a threshold, with the collections made during it: generation, kind and reason, and on request the
/// events of the pause with their times. Tells a blocking collection of young objects from a background one that ran
/// with the threads stopped, which <see cref="GC.GetTotalPauseDuration"/> cannot.
/// </summary>
internal sealed class GcPauseTracer(TimeSpan threshold, bool withEvents) : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    // GCStart_V2: Count, Depth, Reason, Type; GCSuspendEEBegin and GCRestartEEEnd bound a pause.
    private const int GcStart = 1, GcRestartEeEnd = 3, GcSuspendEeBegin = 9;

    private static readonly string[] Reasons =
    [
        "small allocation", "induced", "low memory", "empty", "large allocation", "out of space (small)", "out of space (large)",
        "induced, not forced", "stress", "induced low memory", "induced compacting", "low memory (host)", "PM full GC", "low memory (host, blocking)",
        "bgc tuning (soh)", "bgc tuning (loh)", "bgc stepping", "induced aggressive",
    ];

    private static readonly string[] Kinds = ["blocking", "background", "foreground (during background)"];

    private readonly object _gate = new();
    private readonly List<(DateTime At, string What)> _pauses = [];
    private readonly List<string> _collections = [];
    private readonly List<(DateTime At, string What)> _events = [];
    private DateTime? _suspended;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Verbose adds an event per 100 KB allocated; only worth its cost when the events of a pause are wanted.
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, withEvents ? EventLevel.Verbose : EventLevel.Informational, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (_gate)
        {
            if (e.EventId == GcSuspendEeBegin)
            {
                _suspended = e.TimeStamp;
                _collections.Clear();
                _events.Clear();
            }
            if (_suspended is null) return;
            if (withEvents) _events.Add((e.TimeStamp, Describe(e)));
            switch (e.EventId)
            {
                case GcStart when e.Payload is { Count: >= 4 } p:
                    var reason = Convert.ToInt32(p[2], CultureInfo.InvariantCulture);
                    var kind = Convert.ToInt32(p[3], CultureInfo.InvariantCulture);
                    _collections.Add($"gen{p[1]} {(kind < Kinds.Length ? Kinds[kind] : kind)} ({(reason < Reasons.Length ? Reasons[reason] : reason)}) #{p[0]}");
                    break;
                case GcRestartEeEnd:
                    var since = _suspended.Value;
                    var pause = e.TimeStamp - since;
                    if (pause >= threshold)
                    {
                        var collections = _collections.Count == 0 ? "no collection (suspension only)" : string.Join(", ", _collections);
                        var events = string.Concat(_events.Select(t => $"\n    +{(t.At - since).TotalMilliseconds,7:0.0} ms {t.What}"));
                        _pauses.Add((since.Kind == DateTimeKind.Local ? since.ToUniversalTime() : since, $"{pause.TotalMilliseconds:0} ms: {collections}{events}"));
                    }
                    _suspended = null;
                    break;
            }
        }
    }

    private static string Describe(EventWrittenEventArgs e) =>
        $"{e.EventName}({string.Join(",", (e.PayloadNames ?? []).Zip(e.Payload ?? []).Where(x => x.First is not "ClrInstanceID").Select(x => $"{x.First}={x.Second}"))})";

    /// <summary>
    /// The long pauses that began between <paramref name="from"/> and <paramref name="to"/> (UTC), oldest first. The
    /// runtime hands events to listeners a little late, so call it a second or so after <paramref name="to"/>.
    /// </summary>
    public IReadOnlyList<string> PausesBetween(DateTime from, DateTime to)
    {
        lock (_gate) return _pauses.Where(p => p.At >= from && p.At <= to).Select(p => p.What).ToList();
    }
}
