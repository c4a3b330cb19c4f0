using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Metrics;

namespace Switchboard.LocalHost.Demo;

/// <summary>
/// Four weeks of the team's past work (<see cref="DemoHistoryPlan"/>), so the metrics dashboard is alive on first
/// start. Recorded the way the metrics recorder records real traffic, in the order it happened: each fact keyed by what
/// it describes in <c>MetricFacts</c> for its mailbox and for all, the set of conversations not closed moved as they
/// open and close, and each day's roll-up (and its week's) recomputed by <see cref="MetricRollups"/> at that day's end,
/// its clock set to that day so the backlog level is the day's. No roll-up row is written by hand. The conversations
/// behind the facts are history: they are not in the inbox. Runs once: skipped when any of those days has a roll-up.
/// </summary>
public sealed class DemoHistory(MetricFactStore facts, MetricRollupStore rollups, TimeProvider time)
{
    public const int Days = 28;

    /// <summary>Records the history ending yesterday; false (doing nothing) when it was recorded before.</summary>
    public async Task<bool> SeedAsync(IReadOnlyList<string> mailboxes, TimeSpan supportTarget, CancellationToken cancellationToken = default)
    {
        var today = MetricFactStore.DayOf(time.GetUtcNow());
        var first = today.AddDays(-Days);
        var recorded = await rollups.RangeAsync(MetricFactStore.AllMailboxes, MetricRollupStore.DayKey(first), MetricRollupStore.DayKey(today.AddDays(-1)), cancellationToken);
        if (recorded.Count > 0)
        {
            return false;
        }
        var clock = new ReplayClock();
        var recompute = new MetricRollups(facts, rollups, clock);
        var byDay = DemoHistoryPlan.Create(first, today, mailboxes, supportTarget).ToLookup(f => MetricFactStore.DayOf(f.At));
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var touched = new HashSet<string>();
            foreach (var fact in byDay[day].OrderBy(f => f.At))
            {
                foreach (var scope in ScopesOf(fact.Mailbox))
                {
                    await RecordAsync(scope, day, fact, cancellationToken);
                    touched.Add(scope);
                }
            }
            clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
            foreach (var scope in touched)
            {
                await recompute.RecomputeAsync(scope, day, cancellationToken);
            }
        }
        return true;
    }

    private async Task RecordAsync(string scope, DateOnly day, HistoryFact fact, CancellationToken cancellationToken)
    {
        await facts.PutAsync(scope, day, fact.Key, fact.Fact, cancellationToken);
        if (fact is { Change: BacklogChange.Opens, ConversationId: { } opened })
        {
            await facts.MarkOpenAsync(scope, opened, cancellationToken);
        }
        else if (fact is { Change: BacklogChange.Closes, ConversationId: { } closed })
        {
            await facts.MarkNotOpenAsync(scope, closed, cancellationToken);
        }
    }

    private static string[] ScopesOf(string? mailbox) =>
        mailbox is null ? [MetricFactStore.AllMailboxes] : [MetricFactStore.Scope(mailbox), MetricFactStore.AllMailboxes];

    /// <summary>The roll-ups' clock during the replay: the end of the day being recorded.</summary>
    private sealed class ReplayClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
