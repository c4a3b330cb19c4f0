using Switchboard.Core.Metrics;
using Switchboard.Core.Nps;
using Switchboard.Storage.Metrics;

namespace Switchboard.Handlers.Metrics;

public enum MetricsGranularity
{
    Day,
    Week,
}

/// <summary>What to report: inclusive UTC days, one mailbox or all (null).</summary>
public sealed record MetricsRequest(DateOnly From, DateOnly To, string? Mailbox, MetricsGranularity Granularity);

/// <summary>
/// The figures of a period from its roll-ups: one range query over one partition (a day or week row per period, plus
/// the week before for the backlog's starting level), after recomputing the days in it that events left dirty
/// (<see cref="MetricRollups.CatchUpAsync"/>: usually none, or today). The weekly digest calls it too.
/// </summary>
public sealed class MetricsQuery(MetricRollupStore rollups, MetricRollups recompute)
{
    /// <summary>Days before <c>from</c> read to find the backlog when the first days of the range were quiet.</summary>
    private const int BacklogLookBack = 7;

    public async Task<MetricsReport> RunAsync(MetricsRequest request, CancellationToken cancellationToken = default)
    {
        var scope = MetricFactStore.Scope(request.Mailbox);
        var week = request.Granularity == MetricsGranularity.Week;
        var (from, to) = week
            ? (MetricRollupStore.MondayOf(request.From), MetricRollupStore.MondayOf(request.To).AddDays(6))
            : (request.From, request.To);
        var firstKey = Key(week, from);
        await recompute.CatchUpAsync(scope, from.AddDays(-BacklogLookBack), to, cancellationToken);
        var rows = await rollups.RangeAsync(scope, Key(week, from.AddDays(-BacklogLookBack)), Key(week, to), cancellationToken);

        var total = new MetricRollup();
        var volume = new List<VolumePoint>();
        int? backlog = null;
        int? backlogBefore = null;
        foreach (var row in rows)
        {
            backlog = row.Rollup.Backlog ?? backlog;
            if (string.CompareOrdinal(row.Period, firstKey) < 0)
            {
                backlogBefore = backlog;
                continue;
            }
            total.Merge(row.Rollup);
            var counts = row.Rollup.Counts;
            volume.Add(new VolumePoint(row.Period[2..], counts[MetricCounts.Opened], counts[MetricCounts.Closed], backlog,
                counts[MetricCounts.Replies], Round(row.Rollup.FirstResponse.MedianSeconds), Round(row.Rollup.FirstResponse.P90Seconds),
                Round(row.Rollup.FirstResponseBusiness.MedianSeconds), Round(row.Rollup.Resolution.MedianSeconds)));
        }
        return Report(request.Mailbox, from, to, week, total, Fill(volume, backlogBefore, from, to, week));
    }

    private static MetricsReport Report(string? mailbox, DateOnly from, DateOnly to, bool week, MetricRollup total, IReadOnlyList<VolumePoint> volume)
    {
        var c = total.Counts;
        var ratings = c[MetricCounts.RatedGreat] + c[MetricCounts.RatedOkay] + c[MetricCounts.RatedNotGood];
        var kbOutcomes = c[MetricCounts.KbDeflected] + c[MetricCounts.KbContacted];
        return new MetricsReport(
            from, to, mailbox, week ? "week" : "day",
            Figures(total.FirstResponse, total.FirstResponseBusiness),
            Figures(total.Resolution, total.ResolutionBusiness),
            Share(c[MetricCounts.RepliesOfClosed], c[MetricCounts.Closed]),
            volume,
            Share(c[MetricCounts.WithinTarget], c[MetricCounts.FirstResponses]),
            new SatisfactionFigures(c[MetricCounts.RatedGreat], c[MetricCounts.RatedOkay], c[MetricCounts.RatedNotGood],
                ratings == 0 ? null : Math.Round(100.0 * (c[MetricCounts.RatedGreat] - c[MetricCounts.RatedNotGood]) / ratings, 1)),
            new KbFigures(Share(c[MetricCounts.KbDeflected], kbOutcomes), c[MetricCounts.KbDeflected], c[MetricCounts.KbContacted],
                c[MetricCounts.KbHelpful], c[MetricCounts.KbNotHelpful]),
            new PagingFigures(c[MetricCounts.Pages], c[MetricCounts.PagesAcknowledged], Round(total.PageAcknowledgement.MedianSeconds)),
            Nps(c));
    }

    private static NpsFigures Nps(MetricTally c)
    {
        var nps = new NetPromoterScore((int)(c[MetricCounts.NpsPromoters] + c[MetricCounts.NpsPassives] + c[MetricCounts.NpsDetractors]),
            (int)c[MetricCounts.NpsPromoters], (int)c[MetricCounts.NpsPassives], (int)c[MetricCounts.NpsDetractors]);
        return new NpsFigures(nps.Promoters, nps.Passives, nps.Detractors, nps.Score, nps.Responses);
    }

    /// <summary>Every period of the range, quiet ones with zero counts and the backlog carried over, so a chart's axis is even.</summary>
    private static List<VolumePoint> Fill(List<VolumePoint> known, int? backlog, DateOnly from, DateOnly to, bool week)
    {
        var byPeriod = known.ToDictionary(p => p.Period);
        var all = new List<VolumePoint>();
        for (var day = from; day <= to; day = day.AddDays(week ? 7 : 1))
        {
            var period = Key(week, day)[2..];
            var point = byPeriod.GetValueOrDefault(period) ?? new VolumePoint(period, 0, 0, backlog, 0, null);
            backlog = point.Backlog ?? backlog;
            all.Add(point with { Backlog = backlog });
        }
        return all;
    }

    private static string Key(bool week, DateOnly day) => week ? MetricRollupStore.WeekKey(day) : MetricRollupStore.DayKey(day);

    private static DurationFigures Figures(DurationHistogram calendar, DurationHistogram business) => new(
        calendar.Count, Round(calendar.MedianSeconds), Round(calendar.P90Seconds), Round(business.MedianSeconds), Round(business.P90Seconds));

    private static double? Share(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s) : null;
}
