using Switchboard.Core.KnowledgeBase;
using Switchboard.Storage.KnowledgeBase;
using Switchboard.Handlers.Metrics;
using Switchboard.Storage.Digest;

namespace Switchboard.Handlers.KnowledgeBase.Public;

public sealed record FeedbackBody(bool? Helpful, string? Comment, string? Website) : IHoneypotBody;

public sealed record SearchMissBody(string? Query, string? Website) : IHoneypotBody;

/// <param name="Event"><c>visit</c> (the contact form was opened) or <c>opened</c> (a suggested article was opened from it).</param>
public sealed record ContactVisitBody(string? Session, string? Event, string? Website) : IHoneypotBody;

/// <summary><c>POST /api/public/kb/{slug}/feedback</c> {helpful, comment?}: a reader's vote on a published article.</summary>
public sealed class PostArticleFeedback(
    PublicApi api, ArticleStore articles, KbFeedbackStore feedback, MetricsRecorder metrics, FeedbackCommentStore comments, TimeProvider time)
{
    public const int MaxCommentLength = 1000;
    public static readonly PublicLimit Limit = new("feedback", 20, TimeSpan.FromMinutes(10));

    public Task<IResult> HandleAsync(HttpRequest request, string slug, CancellationToken cancellationToken = default) =>
        api.RunAsync<FeedbackBody>(request, Limit, "Thanks for telling us.", async body =>
        {
            if (body.Helpful is not { } helpful)
            {
                return Problems.BadRequest("helpful is required: true or false.", "helpful");
            }
            var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
            if (comment is { Length: > MaxCommentLength })
            {
                return Problems.BadRequest($"comment is limited to {MaxCommentLength} characters.", "comment");
            }
            // Drafts and archived articles take no votes: the public learns nothing about them, not even that they exist.
            if (!Slugs.IsValid(slug) || await articles.ArticleIdOfSlugAsync(slug, cancellationToken) is not { } id
                || await articles.GetAsync(id, cancellationToken) is not { Status: ArticleStatus.Published } article)
            {
                return Problems.NotFound($"There is no published article '{(Slugs.IsValid(slug) ? slug : "")}'.");
            }
            var now = time.GetUtcNow();
            await feedback.AddVoteAsync(id, helpful, comment, now, cancellationToken);
            await metrics.RecordKbVoteAsync(id, helpful, now, cancellationToken);
            if (comment is not null)
            {
                // The week's comments, for the digest: the vote itself has no id, so each comment is its own row.
                await comments.AddAsync(new FeedbackComment(FeedbackSources.Kb, $"{id}|{Guid.NewGuid():N}", helpful, article.Title, comment, now), cancellationToken);
            }
            return null;
        }, cancellationToken);
}

/// <summary><c>POST /api/public/kb/search-misses</c> {query}: the site's search box found nothing for this.</summary>
public sealed class PostSearchMiss(PublicApi api, KbFeedbackStore feedback, TimeProvider time)
{
    public const int MaxQueryLength = 200;
    public static readonly PublicLimit Limit = new("search-miss", 60, TimeSpan.FromMinutes(10));

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        api.RunAsync<SearchMissBody>(request, Limit, "Noted.", async body =>
        {
            var query = Normalize(body.Query);
            if (query is not { Length: > 0 and <= MaxQueryLength })
            {
                return Problems.BadRequest($"query is required: 1 to {MaxQueryLength} characters.", "query");
            }
            await feedback.AddSearchMissAsync(query, time.GetUtcNow(), cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Lower case, single spaces, no control characters: "Refund  Card" and "refund card" are one miss.</summary>
    public static string? Normalize(string? query) =>
        query is null ? null : string.Join(' ', new string(query.Where(c => !char.IsControl(c)).ToArray()).ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>
/// <c>POST /api/public/kb/contact-visits</c> {session, event}: the contact form's beacon. A session that opened a
/// suggested article and never submitted the form was deflected (<see cref="GetDeflection"/>).
/// </summary>
public sealed class PostContactVisit(PublicApi api, KbFeedbackStore feedback, MetricsRecorder metrics, TimeProvider time)
{
    public static readonly PublicLimit Limit = new("contact-visit", 60, TimeSpan.FromMinutes(10));

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        api.RunAsync<ContactVisitBody>(request, Limit, "Noted.", async body =>
        {
            if (!IsSession(body.Session))
            {
                return Problems.BadRequest("session is required: 16 to 64 lower-case hex digits.", "session");
            }
            if (body.Event is not ("visit" or "opened"))
            {
                return Problems.BadRequest("event must be visit or opened.", "event");
            }
            var now = time.GetUtcNow();
            await feedback.MarkVisitAsync(body.Session!, now, visited: true, opened: body.Event == "opened", cancellationToken: cancellationToken);
            if (body.Event == "opened")
            {
                await metrics.RecordKbVisitAsync(body.Session!, now, opened: true, submitted: false, cancellationToken);
            }
            return null;
        }, cancellationToken);

    public static bool IsSession(string? session) => session is { Length: >= 16 and <= 64 } && session.All(char.IsAsciiHexDigitLower);
}
