namespace Switchboard.Core.Conversations;

/// <summary>
/// Everything a <see cref="Conversation"/> keeps, as plain data: what storage reads into one and writes back.
/// The rules are in <see cref="Conversation"/>; this record has none.
/// </summary>
/// <param name="EarliestSentAt">The Date of the earliest message: the conversation takes that message's subject.</param>
/// <param name="ReplyToken">Secret token of the reply address (support+token@…).</param>
/// <param name="LinkedConversationId">The closed conversation this one continues, when a reply came after the reopen window.</param>
/// <param name="Version">Goes up by one with every item added (message in or out, note, call).</param>
/// <param name="FirstResponseAt">When an agent first answered (a reply accepted for sending, or a logged call).</param>
public sealed record ConversationSnapshot(
    string Id,
    string Mailbox,
    string CustomerEmail,
    string? CustomerName,
    string Subject,
    ConversationStatus Status,
    IReadOnlyList<Participant> Participants,
    int MessageCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset EarliestSentAt,
    DateTimeOffset? ClosedAt,
    string ReplyToken,
    string? LinkedConversationId,
    string Preview,
    int Version,
    string? AssigneeId,
    IReadOnlyList<string> Tags,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? FirstResponseAt)
{
    /// <summary>The conversation this one was folded into: its head then stays only as an alias of that one.</summary>
    public string? MergedInto { get; init; }

    /// <summary>When it was folded into <see cref="MergedInto"/>.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>The customer's latest satisfaction rating of a reply (great, okay, not-good); null when none was given.</summary>
    public string? LatestRating { get; init; }
}
