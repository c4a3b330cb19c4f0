using Switchboard.Core.Conversations;

namespace Switchboard.Handlers.Conversations;

/// <summary>The JSON shapes of the conversations API (camelCase on the wire).</summary>
public sealed record PersonView(string Email, string? Name);

/// <param name="Unread">Activity since the caller last had the conversation open (or never opened it).</param>
/// <param name="LatestRating">The customer's latest rating of a reply (great, okay, not-good); null when none.</param>
public sealed record ConversationSummary(
    string Id, string Subject, string Status, string Mailbox, PersonView Customer,
    int MessageCount, DateTimeOffset LastActivityAt, string Preview,
    string? AssigneeId, IReadOnlyList<string> Tags, DateTimeOffset? SnoozedUntil, bool Unread, string? LatestRating)
{
    /// <summary>The summary from the head row, for lists that are not read from the inbox index (search, customer view).</summary>
    public static ConversationSummary Of(Storage.Conversations.ConversationEntity head) => new(
        head.PartitionKey, head.Subject, head.Status, head.Mailbox, new PersonView(head.CustomerEmail, head.CustomerName),
        head.MessageCount, head.LastActivityAt, head.Preview,
        head.AssigneeId, ConversationTags.Split(head.Tags), head.SnoozedUntil, Unread: false, head.LatestRating);
}

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? ContinuationToken);

public sealed record ParticipantView(string Email, string? Name, string Role, bool Flagged);

public sealed record AttachmentView(string Name, string ContentType, long Size, bool Inline, string? ContentId, string Url);

/// <summary>
/// One item of a conversation. <paramref name="Kind"/>: email | note | call; <paramref name="DeliveryState"/> for
/// outbound email (sending, sent, deferred, delivered, opened, bounced, dropped, failed).
/// </summary>
public sealed record MessageView(
    string Id,
    string Kind,
    string Direction,
    string? AuthorAgentId,
    string? DeliveryState,
    string? DeliveryDetail,
    PersonView? From,
    IReadOnlyList<PersonView> To,
    IReadOnlyList<PersonView> Cc,
    DateTimeOffset SentAt,
    DateTimeOffset ReceivedAt,
    string MessageId,
    string Subject,
    string Text,
    string VisibleText,
    string? Html,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<string> Flags,
    string ThreadMatch,
    IReadOnlyList<string> Problems,
    string RawUrl);

public sealed record ConversationDetail(
    string Id,
    string Subject,
    string Status,
    string Mailbox,
    PersonView Customer,
    IReadOnlyList<ParticipantView> Participants,
    string ReplyAddress,
    string? LinkedConversationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    string? AssigneeId,
    IReadOnlyList<string> Tags,
    DateTimeOffset? SnoozedUntil,
    DateTimeOffset? FirstResponseAt,
    int Version,
    IReadOnlyList<MessageView> Messages,
    IReadOnlyList<RatingView> Ratings);

/// <summary>A customer's rating of one of the replies (<paramref name="MessageId"/> is that message's id in <c>messages</c>).</summary>
/// <param name="Rating">great, okay or not-good.</param>
public sealed record RatingView(string MessageId, string Rating, string? Comment, DateTimeOffset RatedAt);
