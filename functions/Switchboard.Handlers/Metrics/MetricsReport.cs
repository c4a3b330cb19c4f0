namespace Switchboard.Handlers.Metrics;

/// <summary>Durations of a period, in seconds: calendar time and business time (within the mailbox's support hours).</summary>
/// <param name="Count">How many conversations the figures are of.</param>
public sealed record DurationFigures(long Count, double? MedianSeconds, double? P90Seconds, double? BusinessMedianSeconds, double? BusinessP90Seconds);

/// <param name="Period">yyyy-MM-dd (a UTC day) or yyyy-Www (an ISO week).</param>
/// <param name="Backlog">Conversations not closed at the end of the period; null before anything was counted.</param>
/// <param name="FirstResponseMedianSeconds">The period's median first-response time (calendar), for the chart.</param>
/// <param name="FirstResponseP90Seconds">The period's 90th percentile first-response time (calendar).</param>
/// <param name="BusinessFirstResponseMedianSeconds">The period's median first-response time within support hours.</param>
/// <param name="ResolutionMedianSeconds">The period's median time from start to close, of the conversations closed in it.</param>
public sealed record VolumePoint(string Period, long Opened, long Closed, int? Backlog, long Replies, double? FirstResponseMedianSeconds,
    double? FirstResponseP90Seconds = null, double? BusinessFirstResponseMedianSeconds = null, double? ResolutionMedianSeconds = null);

/// <param name="Score">Happiness score: share of great minus share of not good, in percent (−100 to 100); null without ratings.</param>
public sealed record SatisfactionFigures(long Great, long Okay, long NotGood, double? Score);

/// <param name="DeflectionRate">Contact-form visits that opened a suggested article and did not write in, out of those plus the ones that did.</param>
public sealed record KbFigures(double? DeflectionRate, long Deflected, long Contacted, long Helpful, long NotHelpful);

public sealed record PagingFigures(long Pages, long Acknowledged, double? MedianAckSeconds);

/// <summary>Net Promoter Score of the period's survey answers (docs/feedback.md), each counted on the day it was first given.</summary>
/// <param name="Score">Promoters minus detractors, in whole percent of answers (−100 to 100); null without answers.</param>
/// <param name="Responses">Answers: promoters + passives + detractors.</param>
public sealed record NpsFigures(long Promoters, long Passives, long Detractors, double? Score, long Responses);

/// <summary>
/// The team's figures from <see cref="From"/> to <see cref="To"/> (inclusive UTC days; whole ISO weeks for
/// granularity week), for one mailbox or all (<see cref="Mailbox"/> null). Team level only: nothing here names an agent.
/// </summary>
/// <param name="RepliesPerConversation">Replies the conversations closed in the period had, on average.</param>
/// <param name="WithinTarget">Share (0 to 1) of first responses within the mailbox's first-response target, in business time.</param>
public sealed record MetricsReport(
    DateOnly From,
    DateOnly To,
    string? Mailbox,
    string Granularity,
    DurationFigures FirstResponse,
    DurationFigures Resolution,
    double? RepliesPerConversation,
    IReadOnlyList<VolumePoint> Volume,
    double? WithinTarget,
    SatisfactionFigures Satisfaction,
    KbFigures Kb,
    PagingFigures Paging,
    NpsFigures Nps);
