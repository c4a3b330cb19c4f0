using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary><paramref name="AgentId"/> is on call from <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).</summary>
public sealed record OnCallSegment(string AgentId, Instant Start, Instant End)
{
    public Duration Length => End - Start;

    internal bool Contains(Instant at) => Start <= at && at < End;
}
