using Switchboard.Core.Metrics;
using Switchboard.Core.Team;
using Switchboard.Handlers.Mail;
using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Digest;
using Switchboard.Storage.FeatureRequests;
using Switchboard.Storage.KnowledgeBase;
using Switchboard.Storage.Metrics;
using Switchboard.Storage.Team;

namespace Switchboard.Handlers.Digest;

/// <summary>
/// Gathers the digest of the last complete ISO week before now. The numbers are two week roll-ups (<see cref="MetricsQuery"/>);
/// comments are the week's partition of <c>FeedbackComments</c>; helpful articles are the week's KB-vote facts (seven
/// day partitions of the all-mailboxes metric facts); feature requests and search misses are their own lists. It runs
/// once a week and for a preview, so it may read a few hundred rows; it never scans conversations.
/// </summary>
public sealed class BuildWeeklyDigest(
    MetricsQuery metrics,
    FeedbackCommentStore comments,
    FeatureRequestStore featureRequests,
    MetricFactStore facts,
    ArticleStore articles,
    KbFeedbackStore kbFeedback,
    AgentStore agents,
    IOptions<DigestOptions> options,
    IOptions<MailOptions> mailOptions,
    TimeProvider time)
{
    /// <summary>How many comments of each kind, feature requests, articles and searches the digest lists.</summary>
    public const int ListLength = 5;

    public async Task<WeeklyDigest> BuildAsync(CancellationToken cancellationToken = default)
    {
        var from = MetricRollupStore.MondayOf(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).AddDays(-7);
        var to = from.AddDays(6);
        var week = IsoWeeks.Of(from);
        var thisWeek = await metrics.RunAsync(new MetricsRequest(from, to, null, MetricsGranularity.Week), cancellationToken);
        var lastWeek = await metrics.RunAsync(new MetricsRequest(from.AddDays(-7), to.AddDays(-7), null, MetricsGranularity.Week), cancellationToken);
        var weekComments = (await comments.WeekAsync(week, cancellationToken)).OrderByDescending(c => c.At).ToList();
        var team = mailOptions.Value.TeamName is { Length: > 0 } name ? name : "Switchboard";
        return new WeeklyDigest(
            week, from, to, $"[{team}] Weekly digest, {week}",
            Figures(thisWeek, lastWeek),
            Comments(weekComments, positive: true),
            Comments(weekComments, positive: false),
            await FeatureRequestsAsync(from, to, cancellationToken),
            await HelpfulArticlesAsync(from, to, cancellationToken),
            await SearchesAsync(from, to, cancellationToken),
            await RecipientsAsync(cancellationToken));
    }

    private static List<DigestFigure> Figures(MetricsReport now, MetricsReport before)
    {
        static double Sum(MetricsReport r, Func<VolumePoint, long> count) => r.Volume.Sum(count);
        static double? Percent(double? share) => share is { } s ? Math.Round(100 * s, 1) : null;
        return
        [
            new("Conversations opened", "count", Sum(now, p => p.Opened), Sum(before, p => p.Opened)),
            new("Conversations closed", "count", Sum(now, p => p.Closed), Sum(before, p => p.Closed)),
            new("Replies sent", "count", Sum(now, p => p.Replies), Sum(before, p => p.Replies)),
            new("First response (median)", "seconds", now.FirstResponse.MedianSeconds, before.FirstResponse.MedianSeconds),
            new("Answered within target", "percent", Percent(now.WithinTarget), Percent(before.WithinTarget)),
            new("Time to resolution (median)", "seconds", now.Resolution.MedianSeconds, before.Resolution.MedianSeconds),
            new("Satisfaction score", "score", now.Satisfaction.Score, before.Satisfaction.Score),
            new("Net Promoter Score", "score", now.Nps.Score, before.Nps.Score),
            new("KB deflection rate", "percent", Percent(now.Kb.DeflectionRate), Percent(before.Kb.DeflectionRate)),
        ];
    }

    /// <summary>The newest of the week's comments that were clearly positive (great, 9-10, helpful) or negative (not good, 0-6, not helpful).</summary>
    private static List<DigestComment> Comments(IEnumerable<FeedbackComment> week, bool positive) =>
        [.. week.Where(c => c.Positive == positive).Take(ListLength).Select(c => new DigestComment(c.Source, c.About, c.Text, c.At))];

    /// <summary>Features not shipped yet, most customers first; how many asked during the week breaks ties.</summary>
    private async Task<List<DigestFeatureRequest>> FeatureRequestsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (Start(from), Start(to.AddDays(1)));
        return [.. (await featureRequests.AllAsync(cancellationToken))
            .Where(f => f.Feature.ShippedAt is null)
            .Select(f => new DigestFeatureRequest(f.Feature.Name,
                f.Requests.Select(r => r.CustomerEmail.Trim().ToLowerInvariant()).Distinct().Count(),
                f.Requests.Count(r => r.AskedAt >= start && r.AskedAt < end)))
            .Where(f => f.Customers > 0)
            .OrderByDescending(f => f.Customers).ThenByDescending(f => f.NewThisWeek).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(ListLength)];
    }

    private async Task<List<DigestArticle>> HelpfulArticlesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var votes = new Dictionary<string, (int Helpful, int NotHelpful)>(StringComparer.Ordinal);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var (key, fact) in await facts.ReadDayKeyedAsync(MetricFactStore.AllMailboxes, day, cancellationToken))
            {
                // kb-vote|{articleId}|{vote id}
                if (fact.Kind == MetricFactKinds.KbVote && key.Split('|') is [_, var articleId, _])
                {
                    var (helpful, notHelpful) = votes.GetValueOrDefault(articleId);
                    votes[articleId] = fact.Yes == true ? (helpful + 1, notHelpful) : (helpful, notHelpful + 1);
                }
            }
        }
        var list = new List<DigestArticle>();
        foreach (var (id, (helpful, notHelpful)) in votes.Where(v => v.Value.Helpful > 0).OrderByDescending(v => v.Value.Helpful).Take(ListLength))
        {
            if (await articles.GetAsync(id, cancellationToken) is { } article)
            {
                list.Add(new DigestArticle(article.Title, article.Slug, helpful, notHelpful));
            }
        }
        return list;
    }

    private async Task<List<DigestSearch>> SearchesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (Start(from), Start(to.AddDays(1)));
        return [.. (await kbFeedback.SearchMissesAsync(cancellationToken))
            .Where(m => m.LastAt >= start && m.LastAt < end)
            .OrderByDescending(m => m.Count).ThenBy(m => m.Query, StringComparer.Ordinal)
            .Take(ListLength)
            .Select(m => new DigestSearch(m.Query, m.Count))];
    }

    private async Task<List<string>> RecipientsAsync(CancellationToken cancellationToken)
    {
        var (team, _) = await agents.ListAsync(cancellationToken);
        return [.. team.Where(a => a.Status == AgentStatuses.Active && a.Email.Length > 0).Select(a => a.Email.Trim())
            .Concat(options.Value.ExtraRecipients.Select(a => a.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
