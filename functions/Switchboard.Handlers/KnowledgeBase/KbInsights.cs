using Switchboard.Storage.KnowledgeBase;

namespace Switchboard.Handlers.KnowledgeBase;

public sealed record FeedbackCommentView(bool Helpful, string Comment, DateTimeOffset At);

/// <summary>An article's votes and its readers' comments, newest first ("no" with a comment: what the team should fix).</summary>
public sealed record ArticleFeedbackView(string ArticleId, int Helpful, int NotHelpful, IReadOnlyList<FeedbackCommentView> Comments);

public sealed record ArticleFeedbackCounts(string ArticleId, string Title, string Slug, string Status, int Helpful, int NotHelpful, int Comments);

public sealed record FeedbackList(IReadOnlyList<ArticleFeedbackCounts> Items);

public sealed record SearchMissView(string Query, int Count, DateTimeOffset LastAt);

public sealed record SearchMissList(IReadOnlyList<SearchMissView> Items);

/// <param name="Deflected">Visits that opened a suggested article and did not submit the form.</param>
/// <param name="Rate">Deflected / (deflected + submitted); null in a week with neither.</param>
public sealed record DeflectionWeek(string Week, int Visits, int OpenedSuggestion, int Submitted, int Deflected, double? Rate);

public sealed record DeflectionReport(IReadOnlyList<DeflectionWeek> Weeks);

/// <summary><c>?limit=</c>: how many to list, 1 to 100 (20 when absent).</summary>
public sealed record LimitQuery(int Count) : IRequestInput<LimitQuery>
{
    public static ValueTask<(LimitQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CountParameter.Read(request, "limit", 20, count => new LimitQuery(count)));
}

/// <summary><c>?weeks=</c>: how many weeks back, 1 to 100 (8 when absent).</summary>
public sealed record WeeksQuery(int Count) : IRequestInput<WeeksQuery>
{
    public static ValueTask<(WeeksQuery? Input, IResult? Invalid)> BindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CountParameter.Read(request, "weeks", 8, count => new WeeksQuery(count)));
}

internal static class CountParameter
{
    public static (T? Input, IResult? Invalid) Read<T>(HttpRequest request, string name, int fallback, Func<int, T> create) where T : class
    {
        var raw = request.Query[name].FirstOrDefault();
        if (raw is null)
        {
            return (create(fallback), null);
        }
        return int.TryParse(raw, out var count) && count is >= 1 and <= 100
            ? (create(count), null)
            : (null, Problems.BadRequest($"{name} must be a number from 1 to 100.", name));
    }
}

/// <summary><c>GET /api/kb/articles/{id}/feedback</c>.</summary>
public sealed class GetArticleFeedback(ArticleStore articles, KbFeedbackStore feedback)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await articles.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }
        var counts = await feedback.CountsAsync(id, cancellationToken);
        var comments = await feedback.CommentsAsync(id, 100, cancellationToken);
        return Results.Ok(new ArticleFeedbackView(id, counts.Helpful, counts.NotHelpful,
            comments.Select(c => new FeedbackCommentView(c.Helpful, c.Comment, c.At)).ToList()));
    }
}

/// <summary><c>GET /api/kb/feedback</c>: every article's votes, most "no" first.</summary>
public sealed class ListArticleFeedback(ArticleStore articles, KbFeedbackStore feedback)
{
    public async Task<IResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var byId = (await articles.ListAsync(cancellationToken)).ToDictionary(a => a.RowKey);
        var items = (await feedback.AllCountsAsync(cancellationToken))
            .Where(c => byId.ContainsKey(c.PartitionKey))
            .Select(c => new ArticleFeedbackCounts(c.PartitionKey, byId[c.PartitionKey].Title, byId[c.PartitionKey].Slug, byId[c.PartitionKey].Status,
                c.Helpful, c.NotHelpful, c.Comments))
            .OrderByDescending(c => c.NotHelpful).ThenByDescending(c => c.Helpful + c.NotHelpful)
            .ToList();
        return Results.Ok(new FeedbackList(items));
    }
}

/// <summary><c>GET /api/kb/search-misses?limit=</c>: what readers searched for and did not find, most frequent first.</summary>
public sealed class ListSearchMisses(KbFeedbackStore feedback)
{
    public async Task<IResult> HandleAsync(LimitQuery query, CancellationToken cancellationToken = default) =>
        Results.Ok(new SearchMissList((await feedback.SearchMissesAsync(cancellationToken))
            .OrderByDescending(m => m.Count).ThenByDescending(m => m.LastAt)
            .Take(query.Count)
            .Select(m => new SearchMissView(m.Query, m.Count, m.LastAt))
            .ToList()));
}

/// <summary><c>GET /api/kb/deflection?weeks=</c>: per ISO week, newest first, how many contact form visits a suggested article answered.</summary>
public sealed class GetDeflection(KbFeedbackStore feedback, TimeProvider time)
{
    public async Task<IResult> HandleAsync(WeeksQuery query, CancellationToken cancellationToken = default)
    {
        var weeks = new List<DeflectionWeek>();
        var now = time.GetUtcNow();
        for (var i = 0; i < query.Count; i++)
        {
            var week = KbFeedbackStore.Week(now.AddDays(-7 * i));
            var visits = await feedback.VisitsAsync(week, cancellationToken);
            var opened = visits.Count(v => v.Opened == true);
            var submitted = visits.Count(v => v.Submitted == true);
            var deflected = visits.Count(v => v.Opened == true && v.Submitted != true);
            weeks.Add(new DeflectionWeek(week, visits.Count(v => v.Visited == true), opened, submitted, deflected,
                deflected + submitted == 0 ? null : Math.Round((double)deflected / (deflected + submitted), 4)));
        }
        return Results.Ok(new DeflectionReport(weeks));
    }
}
