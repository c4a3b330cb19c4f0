using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// <paramref name="AgentId"/> is on call from <paramref name="Start"/> (inclusive) to <paramref name="End"/>
/// (exclusive), whatever the layers say, e.g. to cover someone's afternoon off.
/// </summary>
/// <param name="Id">Stable id so an override can be edited or removed on its own.</param>
public sealed record ScheduleOverride(string Id, string AgentId, Instant Start, Instant End);
