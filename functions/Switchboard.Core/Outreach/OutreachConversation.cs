using Switchboard.Core.Conversations;

namespace Switchboard.Core.Outreach;

/// <summary>
/// A conversation the team starts with a customer who has not written: addressed to them, open, tagged
/// <see cref="Tag"/>, its subject the outreach mail's. It starts with the alert as an internal note, never with mail.
/// </summary>
public static class OutreachConversation
{
    public const string Tag = "outreach";

    /// <summary>Conversation ids for outreach come from the group, so a retried write starts the same conversation.</summary>
    public static string IdFor(string groupId) => ConversationIds.ForFirstMessage($"outreach.{groupId}@switchboard");

    public static Conversation Start(string id, string mailbox, string customerEmail, string? customerName, string subject,
        string replyToken, string preview, DateTimeOffset now) =>
        new(new ConversationSnapshot(
            id, mailbox, customerEmail, customerName, subject, ConversationStatus.Open,
            [new Participant(customerEmail, customerName, ParticipantRole.Customer, false)], MessageCount: 0,
            CreatedAt: now, LastActivityAt: now, EarliestSentAt: now, ClosedAt: null, replyToken, LinkedConversationId: null,
            TextPreview.Of(preview), Version: 0, AssigneeId: null, Tags: [Tag], SnoozedUntil: null, FirstResponseAt: null));
}
