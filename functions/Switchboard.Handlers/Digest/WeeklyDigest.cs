namespace Switchboard.Handlers.Digest;

/// <summary>One of the week's numbers beside the week before's; null where there was nothing to measure.</summary>
/// <param name="Unit"><c>count</c>, <c>seconds</c>, <c>percent</c> (0 to 100) or <c>score</c> (−100 to 100).</param>
public sealed record DigestFigure(string Name, string Unit, double? ThisWeek, double? LastWeek);

/// <param name="Source"><c>rating</c>, <c>nps</c> or <c>kb</c>.</param>
/// <param name="About">The rating or score given, or the article the reader voted on.</param>
public sealed record DigestComment(string Source, string About, string Text, DateTimeOffset At);

/// <param name="Customers">Customers who have asked for it, ever.</param>
/// <param name="NewThisWeek">Requests tagged during the week.</param>
public sealed record DigestFeatureRequest(string Name, int Customers, int NewThisWeek);

/// <summary>An article readers voted helpful during the week.</summary>
public sealed record DigestArticle(string Title, string Slug, int Helpful, int NotHelpful);

/// <summary>A search of the public site that found nothing, last seen during the week.</summary>
/// <param name="Count">Times it was searched for, ever.</param>
public sealed record DigestSearch(string Query, int Count);

/// <summary>
/// The weekly digest of one ISO week (Monday to Sunday, UTC) for the whole team: its numbers against the week before,
/// the customers' and readers' notable comments, the top feature requests, the articles that helped and the searches
/// that found nothing. Team level only: nothing here names an agent.
/// </summary>
/// <param name="Week">2026-W10.</param>
/// <param name="Recipients">Every active agent and the configured extra addresses.</param>
public sealed record WeeklyDigest(
    string Week,
    DateOnly From,
    DateOnly To,
    string Subject,
    IReadOnlyList<DigestFigure> Figures,
    IReadOnlyList<DigestComment> PositiveComments,
    IReadOnlyList<DigestComment> NegativeComments,
    IReadOnlyList<DigestFeatureRequest> FeatureRequests,
    IReadOnlyList<DigestArticle> HelpfulArticles,
    IReadOnlyList<DigestSearch> SearchesWithoutResults,
    IReadOnlyList<string> Recipients);
