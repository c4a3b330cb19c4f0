using Switchboard.Core.Escalation;
using Switchboard.Core.Metrics;

namespace Switchboard.LocalHost.Demo;

/// <summary>What one fact does to the set of conversations not closed (the backlog).</summary>
public enum BacklogChange
{
    None,
    Opens,
    Closes,
}

/// <summary>A fact of the demo's past, as the metrics recorder would have recorded it; <see cref="Mailbox"/> null: the whole workspace (KB, pages).</summary>
public sealed record HistoryFact(DateTimeOffset At, string? Mailbox, string Key, MetricFact Fact, BacklogChange Change = BacklogChange.None, string? ConversationId = null);

/// <summary>
/// The demo's four weeks of past work, made up the same way every time (a fixed seed, dates counted back from today):
/// busier weekdays than weekends, most first responses within half an hour and a long tail, one to three replies,
/// closings within a day or two, a rating on nearly half of them; KB visits and votes and the odd page for the whole
/// workspace. Every conversation is closed before today begins, so the backlog it leaves is none.
/// </summary>
public static class DemoHistoryPlan
{
    private const int Seed = 16;

    public static IReadOnlyList<HistoryFact> Create(DateOnly firstDay, DateOnly today, IReadOnlyList<string> mailboxes, TimeSpan supportTarget)
    {
        var random = new Random(Seed);
        var todayStart = Start(today);
        var cap = todayStart.AddMinutes(-1);
        var facts = new List<HistoryFact>();
        for (var day = firstDay; day < today; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            for (var m = 0; m < mailboxes.Count; m++)
            {
                var count = weekend ? random.Next(0, 2) : m == 0 ? random.Next(4, 9) : random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    var id = $"demo-history-{day:yyyyMMdd}-{m}-{i:D2}";
                    var target = m == 0 ? supportTarget : EscalationPolicy.DefaultTarget;
                    facts.AddRange(Conversation(random, id, mailboxes[m], Start(day).AddMinutes(random.Next(7 * 60, 19 * 60)), cap, target));
                }
            }
            facts.AddRange(Workspace(random, day));
        }
        return facts;
    }

    private static IEnumerable<HistoryFact> Conversation(Random random, string id, string mailbox, DateTimeOffset opened, DateTimeOffset cap, TimeSpan target)
    {
        yield return new HistoryFact(opened, mailbox, $"{MetricFactKinds.Opened}|{id}", new MetricFact(MetricFactKinds.Opened), BacklogChange.Opens, id);

        var tail = random.NextDouble();
        var firstMinutes = tail < 0.7 ? random.Next(4, 40) : tail < 0.92 ? random.Next(40, 240) : random.Next(240, 1200);
        var replies = new List<DateTimeOffset> { Min(opened.AddMinutes(firstMinutes), cap) };
        for (var more = random.NextDouble(); more < 0.45 && replies.Count < 3; more = random.NextDouble())
        {
            replies.Add(Min(replies[^1].AddMinutes(random.Next(60, 30 * 60)), cap));
        }
        var answered = replies[0];
        var seconds = (answered - opened).TotalSeconds;
        // The demo's policies keep no support hours: business time is calendar time, as the recorder would count it.
        yield return new HistoryFact(answered, mailbox, $"{MetricFactKinds.FirstResponse}|{id}",
            new MetricFact(MetricFactKinds.FirstResponse, seconds, seconds, WithinTarget: seconds <= target.TotalSeconds));
        for (var r = 0; r < replies.Count; r++)
        {
            yield return new HistoryFact(replies[r], mailbox, $"{MetricFactKinds.Reply}|{id}-r{r}", new MetricFact(MetricFactKinds.Reply));
        }
        if (random.NextDouble() < 0.45)
        {
            var mood = random.NextDouble();
            var rating = mood < 0.7 ? Ratings.Great : mood < 0.9 ? Ratings.Okay : Ratings.NotGood;
            yield return new HistoryFact(answered, mailbox, $"{MetricFactKinds.Rating}|{id}-r0", new MetricFact(MetricFactKinds.Rating, Rating: rating));
        }
        var closed = Min(replies[^1].AddMinutes(random.Next(10, 36 * 60)), cap);
        var open = (closed - opened).TotalSeconds;
        yield return new HistoryFact(closed, mailbox, $"{MetricFactKinds.Closed}|{id}|{closed.UtcTicks}",
            new MetricFact(MetricFactKinds.Closed, open, open, Replies: replies.Count), BacklogChange.Closes, id);
        // Some customers answer the NPS survey a week after the close (Nps:Mailboxes' DaysAfterClose in the sample).
        var surveyed = closed.AddDays(7).AddHours(random.Next(1, 30));
        if (random.NextDouble() < 0.25 && surveyed < cap)
        {
            var score = random.NextDouble() switch { < 0.55 => random.Next(9, 11), < 0.85 => random.Next(7, 9), _ => random.Next(0, 7) };
            yield return new HistoryFact(surveyed, mailbox, $"{MetricFactKinds.Nps}|{id}", new MetricFact(MetricFactKinds.Nps, Score: score));
        }
    }

    private static IEnumerable<HistoryFact> Workspace(Random random, DateOnly day)
    {
        var noon = Start(day).AddHours(12);
        for (var v = random.Next(2, 9); v > 0; v--)
        {
            var opened = random.NextDouble() < 0.6;
            var submitted = random.NextDouble() < (opened ? 0.3 : 0.8);
            yield return new HistoryFact(noon, null, $"{MetricFactKinds.KbVisit}|demo-{day:yyyyMMdd}-{v}",
                new MetricFact(MetricFactKinds.KbVisit, Yes: opened ? true : null, Submitted: submitted ? true : null));
        }
        for (var v = random.Next(0, 5); v > 0; v--)
        {
            yield return new HistoryFact(noon, null, $"{MetricFactKinds.KbVote}|demo-article|{day:yyyyMMdd}-{v}",
                new MetricFact(MetricFactKinds.KbVote, Yes: random.NextDouble() < 0.75));
        }
        if (random.NextDouble() < 0.25)
        {
            double? ack = random.NextDouble() < 0.9 ? random.Next(60, 900) : null;
            yield return new HistoryFact(noon, null, $"{MetricFactKinds.Page}|demo-{day:yyyyMMdd}", new MetricFact(MetricFactKinds.Page, Seconds: ack));
        }
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
