using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace Switchboard.Core.OnCall;

/// <summary>
/// iCalendar (RFC 5545) feeds of on-call shifts that people subscribe to, per agent and per schedule. One VEVENT per
/// timeline segment, in UTC, marked free (being on call is not a meeting). A segment's UID depends only on the feed
/// kind, schedule id, agent id and the segment's true start, so regenerating the feed later (the window slid, the
/// summary changed, the shift was extended) updates events in calendar apps instead of duplicating them.
/// </summary>
public static class OnCallCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string ProductId = "-//Switchboard//On-call//EN";

    /// <summary>The shifts of <paramref name="agentId"/> in every one of <paramref name="schedules"/>.</summary>
    /// <param name="now">When the feed is generated: the window is around it and it becomes each event's DTSTAMP.</param>
    public static string ForAgent(string agentId, IEnumerable<OnCallSchedule> schedules, Instant now, CalendarWindow? window = null)
    {
        var (from, to) = (window ?? CalendarWindow.Default).Around(now);
        var calendar = NewCalendar("On call");
        foreach (var schedule in schedules)
        {
            foreach (var segment in new OnCallCalculator(schedule).SegmentsOverlapping(from, to).Where(s => s.AgentId == agentId))
            {
                calendar.Events.Add(Event("agent", schedule, segment, now, $"On call: {schedule.Name}"));
            }
        }
        return Serialize(calendar);
    }

    /// <summary>Everyone's shifts in <paramref name="schedule"/>.</summary>
    /// <param name="agentName">Display name for an agent id; the id itself when omitted.</param>
    public static string ForSchedule(OnCallSchedule schedule, Instant now, Func<string, string>? agentName = null, CalendarWindow? window = null)
    {
        var (from, to) = (window ?? CalendarWindow.Default).Around(now);
        var calendar = NewCalendar($"On call: {schedule.Name}");
        foreach (var segment in new OnCallCalculator(schedule).SegmentsOverlapping(from, to))
        {
            var who = agentName?.Invoke(segment.AgentId) ?? segment.AgentId;
            calendar.Events.Add(Event("schedule", schedule, segment, now, $"On call: {schedule.Name} – {who}"));
        }
        return Serialize(calendar);
    }

    /// <summary>The UID of a segment's event in a feed of the given kind ("agent" or "schedule").</summary>
    public static string Uid(string feed, string scheduleId, OnCallSegment segment)
    {
        var key = $"oncall|{feed}|{scheduleId}|{segment.AgentId}|{segment.Start.ToUnixTimeTicks()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + "@switchboard";
    }

    private static Calendar NewCalendar(string name)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        // Ask subscribing apps to refresh hourly (Apple and Google read the first, Outlook the second).
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        return calendar;
    }

    private static CalendarEvent Event(string feed, OnCallSchedule schedule, OnCallSegment segment, Instant now, string summary) => new()
    {
        Uid = Uid(feed, schedule.Id, segment),
        DtStamp = Utc(now),
        DtStart = Utc(segment.Start),
        DtEnd = Utc(segment.End),
        Summary = summary,
        Transparency = "TRANSPARENT",
    };

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), CalDateTime.UtcTzId);

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;
}
