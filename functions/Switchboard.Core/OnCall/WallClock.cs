using NodaTime;
using NodaTime.TimeZones;

namespace Switchboard.Core.OnCall;

/// <summary>Turns the local wall-clock times of a rota (hand-offs, window edges) into instants.</summary>
internal static class WallClock
{
    /// <summary>
    /// One rule for every local time in this feature, so hand-offs and restriction windows never disagree.
    /// Skipped (spring forward, e.g. 02:30 in New York on the second Sunday of March): the first instant after the gap,
    /// 03:00 — the hand-off happens as soon as the clock can show a time at or after the one asked for, and nobody's
    /// shift grows by the gap. <see cref="Resolvers.ReturnForwardShifted"/> would move it to 03:30 instead, a time
    /// nobody chose. Ambiguous (fall back, 01:30 happens twice): the earlier occurrence — the first time the clock
    /// shows the hand-off time is when people expect it, and the outgoing person does not serve an extra hour.
    /// Both choices are monotonic, so later local times never map to earlier instants and shifts never overlap
    /// (at worst two hand-offs land on the same instant and the shift between them is empty and skipped).
    /// </summary>
    public static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public static Instant ToInstant(this LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, Resolver).ToInstant();

    /// <summary>The zone for a tz database id, or null when the id is unknown (say, a Windows id or a typo).</summary>
    public static DateTimeZone? Zone(string? id) => id is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static DateTimeZone RequireZone(string id) =>
        Zone(id) ?? throw new ArgumentException($"'{id}' is not a time zone id of the tz database.", nameof(id));
}
