namespace Switchboard.Storage.Conversations;

/// <summary>
/// The head row of a conversation: PartitionKey = conversation id, RowKey = <see cref="HeadRowKey"/>. It is filled
/// from a <c>Core.Conversations.Conversation</c>, which holds the rules, by <see cref="ConversationMapping"/> only.
/// Its messages share the partition (RowKey "m…"), so a message and the head it updates are written in one transaction.
/// </summary>
public sealed class ConversationEntity : ITableEntity
{
    public const string HeadRowKey = "conversation";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = HeadRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Subject { get; set; } = "";
    public string Status { get; set; } = "open";
    public string Mailbox { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public string? CustomerName { get; set; }

    /// <summary>JSON list of {email, name, role, flagged}: everyone who wrote or was copied, the customer first.</summary>
    public string Participants { get; set; } = "[]";

    public int MessageCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The Date of the earliest message: the conversation takes that message's subject.</summary>
    public DateTimeOffset EarliestSentAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Secret token of the reply address (support+token@…).</summary>
    public string ReplyToken { get; set; } = "";

    /// <summary>The closed conversation this one continues, when a reply came after the reopen window.</summary>
    public string? LinkedConversationId { get; set; }

    public string Preview { get; set; } = "";

    /// <summary>The RowKey of this conversation's rows in <c>InboxIndex</c>, to move them on the next activity.</summary>
    public string IndexRowKey { get; set; } = "";

    /// <summary>
    /// Where the write before the last one left the inbox rows (status, RowKey, assignee): a write that died between
    /// the head and its inbox move left rows there, which a redelivery's repair or a merge then removes.
    /// </summary>
    public string? PreviousStatus { get; set; }

    public string? PreviousIndexRowKey { get; set; }

    public string? PreviousAssigneeId { get; set; }

    /// <summary>
    /// Goes up by one with every item added (message in or out, note, call). The API's ETag is this number: a reply
    /// composed against an older version is refused (409) instead of ignoring what arrived meanwhile.
    /// </summary>
    public int Version { get; set; }

    /// <summary>The agent the conversation is assigned to; null = unassigned.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>Comma-separated lower-case tags.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Set while snoozed: when it wakes up by itself (a customer message wakes it earlier).</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>
    /// Set when this conversation was folded into another (one message linked both): its rows were copied there and
    /// its id stays an alias of that conversation. Threading, the writer and <c>GET /api/conversations/{id}</c> follow it.
    /// </summary>
    public string? MergedInto { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    /// <summary>When an agent first answered (reply accepted for sending); null while the customer waits. Paging and metrics read it.</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>The customer's latest satisfaction rating of a reply (great, okay, not-good), for the inbox; null when none.</summary>
    public string? LatestRating { get; set; }
}
