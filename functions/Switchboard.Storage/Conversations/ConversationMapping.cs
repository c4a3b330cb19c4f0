using System.Text.Json;
using Switchboard.Core.Conversations;

namespace Switchboard.Storage.Conversations;

/// <summary>
/// A <see cref="Conversation"/> to and from its head row: the status as its wire name, participants as a JSON list,
/// tags comma-separated, and the inbox index key derived from the last activity.
/// </summary>
public static class ConversationMapping
{
    public static Conversation ToConversation(this ConversationEntity head) => new(head.ToSnapshot());

    public static ConversationSnapshot ToSnapshot(this ConversationEntity head) => new(
        head.PartitionKey, head.Mailbox, head.CustomerEmail, head.CustomerName, head.Subject,
        ConversationStatuses.TryParse(head.Status, out var status) ? status : ConversationStatus.Open,
        ReadParticipants(head.Participants), head.MessageCount, head.CreatedAt, head.LastActivityAt, head.EarliestSentAt,
        head.ClosedAt, head.ReplyToken, head.LinkedConversationId, head.Preview, head.Version, head.AssigneeId,
        ConversationTags.Split(head.Tags), head.SnoozedUntil, head.FirstResponseAt)
    {
        MergedInto = head.MergedInto is { Length: > 0 } into ? into : null,
        MergedAt = head.MergedAt,
        LatestRating = head.LatestRating,
    };

    /// <param name="etag">The ETag of the row as read: the write succeeds only if it is still current.</param>
    public static ConversationEntity ToEntity(this Conversation conversation, ETag etag = default) => new()
    {
        PartitionKey = conversation.Id,
        RowKey = ConversationEntity.HeadRowKey,
        ETag = etag,
        Subject = conversation.Subject,
        Status = conversation.Status.ToWire(),
        Mailbox = conversation.Mailbox,
        CustomerEmail = conversation.CustomerEmail,
        CustomerName = conversation.CustomerName,
        Participants = JsonSerializer.Serialize(
            conversation.Participants.Select(p => new StoredParticipant(p.Email, p.Name, p.Role.ToWire(), p.Flagged)), JsonDefaults.Options),
        MessageCount = conversation.MessageCount,
        CreatedAt = conversation.CreatedAt,
        LastActivityAt = conversation.LastActivityAt,
        EarliestSentAt = conversation.EarliestSentAt,
        ClosedAt = conversation.ClosedAt,
        ReplyToken = conversation.ReplyToken,
        LinkedConversationId = conversation.LinkedConversationId,
        Preview = conversation.Preview,
        IndexRowKey = InboxIndex.RowKeyFor(conversation.LastActivityAt, conversation.Id),
        Version = conversation.Version,
        AssigneeId = conversation.AssigneeId,
        Tags = ConversationTags.Join(conversation.Tags),
        SnoozedUntil = conversation.SnoozedUntil,
        FirstResponseAt = conversation.FirstResponseAt,
        MergedInto = conversation.MergedInto,
        MergedAt = conversation.MergedAt,
        LatestRating = conversation.LatestRating,
    };

    private static List<Participant> ReadParticipants(string json) =>
        (JsonSerializer.Deserialize<List<StoredParticipant>>(json, JsonDefaults.Options) ?? [])
            .Select(p => new Participant(p.Email, p.Name, ParticipantRoles.Parse(p.Role), p.Flagged)).ToList();

    /// <summary>The JSON shape of one participant, as rows have always held it.</summary>
    private sealed record StoredParticipant(string Email, string? Name, string Role, bool Flagged);
}
