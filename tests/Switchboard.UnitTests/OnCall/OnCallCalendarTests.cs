using Ical.Net;
using NodaTime;
using Switchboard.Core.OnCall;
using static Switchboard.UnitTests.OnCall.Rota;

namespace Switchboard.UnitTests.OnCall;

/// <summary>The iCalendar feeds people subscribe to: they must parse, and regenerating them must not duplicate events.</summary>
public sealed class OnCallCalendarTests
{
    private const string Berlin = "Europe/Berlin";

    private static readonly OnCallSchedule Weekly = Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-03-02", "ana", "ben", "cem"));

    private static readonly Instant Now = Local(Berlin, "2026-06-03 12:00");

    [Fact]
    public void Schedule_feed_has_one_event_per_timeline_segment_in_utc()
    {
        var calendar = Calendar.Load(OnCallCalendar.ForSchedule(Weekly, Now, id => id.ToUpperInvariant()))!;

        var expected = new OnCallCalculator(Weekly).SegmentsOverlapping(Now - Duration.FromDays(7), Now + Duration.FromDays(60));
        Assert.Equal(expected.Count, calendar.Events.Count);
        Assert.Equal(expected.Select(s => s.Start.ToDateTimeUtc()), calendar.Events.Select(e => e.DtStart!.AsUtc));
        Assert.Equal(expected.Select(s => s.End.ToDateTimeUtc()), calendar.Events.Select(e => e.DtEnd!.AsUtc));
        Assert.All(calendar.Events, e => Assert.True(e.DtStart!.IsUtc && e.DtEnd!.IsUtc));
        Assert.Equal(expected.Select(s => $"On call: Support (primary) – {s.AgentId.ToUpperInvariant()}"), calendar.Events.Select(e => e.Summary));
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public void Feed_shows_whole_shifts_even_where_the_window_cuts_them()
    {
        var calendar = Calendar.Load(OnCallCalendar.ForSchedule(Weekly, Now))!;

        // Seven days before Wednesday noon is in the middle of the week that began on Monday 25 May.
        var first = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First();
        Assert.Equal(Local(Berlin, "2026-05-25 09:00").ToDateTimeUtc(), first.DtStart!.AsUtc);
    }

    [Fact]
    public void Uids_stay_the_same_when_the_feed_is_generated_again_a_day_later()
    {
        var today = Calendar.Load(OnCallCalendar.ForSchedule(Weekly, Now))!;
        var tomorrow = Calendar.Load(OnCallCalendar.ForSchedule(Weekly, Now + Duration.FromDays(1)))!;

        var todayByUid = today.Events.ToDictionary(e => e.Uid!, e => e.DtStart!.AsUtc);
        var tomorrowByUid = tomorrow.Events.ToDictionary(e => e.Uid!, e => e.DtStart!.AsUtc);
        var shared = todayByUid.Keys.Intersect(tomorrowByUid.Keys).ToList();
        Assert.True(shared.Count >= todayByUid.Count - 1, "at most one event may slide out of the window in a day");
        Assert.All(shared, uid => Assert.Equal(todayByUid[uid], tomorrowByUid[uid]));
    }

    [Fact]
    public void Agent_feed_holds_only_that_agents_shifts_named_after_the_schedule()
    {
        var secondary = Schedule(Berlin, Layer(ShiftLength.Weekly, "09:00", "2026-03-02", "cem", "ana")) with { Id = "support-secondary", Name = "Support (secondary)" };

        var calendar = Calendar.Load(OnCallCalendar.ForAgent("ana", [Weekly, secondary], Now))!;

        Assert.NotEmpty(calendar.Events);
        Assert.Contains(calendar.Events, e => e.Summary == "On call: Support (primary)");
        Assert.Contains(calendar.Events, e => e.Summary == "On call: Support (secondary)");
        var anasWeeks = new OnCallCalculator(Weekly).SegmentsOverlapping(Now - Duration.FromDays(7), Now + Duration.FromDays(60))
            .Where(s => s.AgentId == "ana").Select(s => s.Start.ToDateTimeUtc());
        Assert.Equal(anasWeeks, calendar.Events.Where(e => e.Summary == "On call: Support (primary)").Select(e => e.DtStart!.AsUtc).OrderBy(d => d));
    }

    [Fact]
    public void Same_shift_has_different_uids_in_the_agent_and_the_schedule_feed()
    {
        var bySchedule = Calendar.Load(OnCallCalendar.ForSchedule(Weekly, Now))!.Events.Select(e => e.Uid);
        var byAgent = Calendar.Load(OnCallCalendar.ForAgent("ana", [Weekly], Now))!.Events.Select(e => e.Uid);

        Assert.Empty(bySchedule.Intersect(byAgent));
    }

    [Fact]
    public void Feed_text_is_rfc5545_with_crlf_lines_and_utc_times()
    {
        var text = OnCallCalendar.ForSchedule(Weekly, Now);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("\r\nVERSION:2.0\r\n", text);
        Assert.Contains("\r\nPRODID:-//Switchboard//On-call//EN\r\n", text);
        Assert.Matches(@"\r\nDTSTART:\d{8}T\d{6}Z\r\n", text);
        Assert.Contains("\r\nTRANSP:TRANSPARENT\r\n", text);
        Assert.Contains($"\r\nDTSTAMP:{Now.ToDateTimeUtc():yyyyMMdd'T'HHmmss}Z\r\n", text);
    }
}
