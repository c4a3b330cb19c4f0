using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>How far back and ahead of "now" a feed reaches: by default the last 7 and the next 60 days.</summary>
public sealed record CalendarWindow(Duration Past, Duration Ahead)
{
    public static CalendarWindow Default { get; } = new(Duration.FromDays(7), Duration.FromDays(60));

    internal (Instant From, Instant To) Around(Instant now) => (now - Past, now + Ahead);
}
