using Switchboard.Core.Metrics;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Metrics;

/// <summary>
/// Recomputes a day's roll-up from all of that day's facts, then its ISO week's from the week's day roll-ups, each
/// written only if nobody wrote it since it was read (ETag), else recomputed: two events of one day handled at once
/// both end up counted, and an event handled twice counts once, because nothing is ever incremented.
/// </summary>
public sealed class MetricRollups(MetricFactStore facts, MetricRollupStore rollups, TimeProvider time)
{
    private const int Attempts = 20;

    /// <summary>
    /// A recompute reads all of the day's facts and open conversations, so under a burst of mail recomputing on every
    /// event cost more with each email and made the writers fight over one row: events recompute a day at most this
    /// often, and a read recomputes what they left dirty.
    /// </summary>
    public static readonly TimeSpan EventRecomputeInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After an event wrote its facts: recomputes the day if nobody did in the last <see cref="EventRecomputeInterval"/>
    /// and this caller wins the claim, else marks the day dirty for the next event or read. Facts are written before
    /// the mark and the claim clears the mark before reading facts, so no fact is left out of both.
    /// </summary>
    public async Task RecomputeSoonAsync(string scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var state = await rollups.GetStateAsync(scope, day, cancellationToken);
        var recentlyDone = state?.RecomputedAt is { } at && now - at < EventRecomputeInterval;
        if (recentlyDone || !await rollups.TryClaimRecomputeAsync(scope, day, state?.ETag, now, cancellationToken))
        {
            await rollups.MarkDirtyAsync(scope, day, cancellationToken);
            return;
        }
        await RecomputeAsync(scope, day, cancellationToken);
    }

    /// <summary>Before a read: recomputes the days from <paramref name="from"/> to <paramref name="to"/> that events left dirty.</summary>
    public async Task CatchUpAsync(string scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        foreach (var state in await rollups.DirtyDaysAsync(scope, from, to, cancellationToken))
        {
            await RecomputeAsync(scope, state.Day, cancellationToken);
            await rollups.TryClearDirtyAsync(state, scope, cancellationToken);
        }
    }

    public async Task RecomputeAsync(string scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        var today = MetricFactStore.DayOf(time.GetUtcNow());
        await SaveAsync(scope, MetricRollupStore.DayKey(day), async stored =>
        {
            var rollup = MetricRollup.Of(await facts.ReadDayAsync(scope, day, cancellationToken));
            // The backlog is a level read now, so it belongs to today; a late fact for an earlier day keeps that day's.
            rollup.Backlog = day == today ? await facts.CountOpenAsync(scope, cancellationToken) : stored?.Rollup.Backlog;
            return rollup;
        }, cancellationToken);

        var monday = MetricRollupStore.MondayOf(day);
        await SaveAsync(scope, MetricRollupStore.WeekKey(day), async _ =>
        {
            var week = new MetricRollup();
            foreach (var row in await rollups.RangeAsync(scope, MetricRollupStore.DayKey(monday), MetricRollupStore.DayKey(monday.AddDays(6)), cancellationToken))
            {
                week.Merge(row.Rollup);
            }
            return week;
        }, cancellationToken);
    }

    private async Task SaveAsync(string scope, string rowKey, Func<StoredRollup?, Task<MetricRollup>> compute, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await rollups.GetAsync(scope, rowKey, cancellationToken);
            var rollup = await compute(stored);
            if (await rollups.TrySaveAsync(scope, rowKey, rollup, stored?.ETag, cancellationToken))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10 * (attempt + 1)), CancellationToken.None);
        }
        throw new InvalidOperationException($"Roll-up {scope} {rowKey} kept changing; the event will be retried.");
    }
}
